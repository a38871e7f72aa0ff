package org.civcheck.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.civcheck.register.Region;

/** SQL said once: a region and the regions below it, by the prefix their paths share. */
final class Sql {

    private Sql() {}

    /** {@code ?col} is the region column; binds two parameters ({@link #bindWithin}). */
    static final String WITHIN = "(?col = ? OR ?col LIKE ? ESCAPE '!')";

    /** Binds {@link #WITHIN}'s parameters from {@code index}; the next free index. */
    static int bindWithin(PreparedStatement s, int index, String regionId) throws SQLException {
        s.setString(index, regionId);
        s.setString(index + 1, below(regionId));
        return index + 2;
    }

    /** The LIKE pattern of the regions below {@code regionId}, its wildcards escaped with {@code !}. */
    static String below(String regionId) {
        return regionId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + Region.SEPARATOR + "%";
    }
}
