package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.civcheck.register.Region;
import org.civcheck.register.Register;
import org.civcheck.register.RegisteredUnit;

/**
 * The register as the database keeps it: regions and the units placed in them. An import adds
 * what is new and changes what differs; it removes nothing (a unit that left the file keeps its
 * history and its region). A unit first checked before any import is listed without a region
 * (only authors see it) until a register file places it.
 */
public final class UnitRegister {

    private final DataSource dataSource;

    public UnitRegister(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What an import changed. */
    public record Imported(int unitsAdded, int unitsChanged, int unitsUnchanged, int regionsAdded) {}

    /** Stores {@code register} in one transaction: all of it or, on a failure, nothing. */
    public Imported importRegister(Register register) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int regionsAdded = 0;
                for (Region r : register.regions()) {
                    regionsAdded += putRegion(c, r) ? 1 : 0;
                }
                int added = 0;
                int changed = 0;
                int unchanged = 0;
                for (RegisteredUnit u : register.units()) {
                    switch (putUnit(c, u)) {
                        case ADDED -> added++;
                        case CHANGED -> changed++;
                        case UNCHANGED -> unchanged++;
                    }
                }
                c.commit();
                return new Imported(added, changed, unchanged, regionsAdded);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("保存单位名册失败", e);
        }
    }

    private static boolean putRegion(Connection c, Region r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM region WHERE id = ?")) {
            s.setString(1, r.id());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO region (id, name, parent_id, depth) VALUES (?, ?, ?, ?)")) {
            s.setString(1, r.id());
            s.setString(2, r.name());
            s.setString(3, r.parentId());
            s.setInt(4, r.depth());
            s.executeUpdate();
        }
        return true;
    }

    private enum Put { ADDED, CHANGED, UNCHANGED }

    private static Put putUnit(Connection c, RegisteredUnit u) throws SQLException {
        Optional<RegisteredUnit> before = find(c, u.id());
        if (before.isPresent() && before.get().equals(u)) {
            return Put.UNCHANGED;
        }
        String sql = before.isPresent() ? "UPDATE unit SET name = ?, level = ?, region_id = ? WHERE id = ?"
                : "INSERT INTO unit (name, level, region_id, id) VALUES (?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, u.name());
            s.setString(2, u.level());
            s.setString(3, u.regionId());
            s.setString(4, u.id());
            s.executeUpdate();
        }
        return before.isPresent() ? Put.CHANGED : Put.ADDED;
    }

    /** A unit as registered (its region null when no register file placed it yet). */
    public Optional<RegisteredUnit> find(String unitId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, unitId);
        } catch (SQLException e) {
            throw new StoreException("读取单位名册失败", e);
        }
    }

    private static Optional<RegisteredUnit> find(Connection c, String unitId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, level, region_id FROM unit WHERE id = ?")) {
            s.setString(1, unitId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new RegisteredUnit(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /** Whether {@code unitId} is registered in {@code regionId} or a region below it. */
    public boolean isWithin(String unitId, String regionId) {
        return find(unitId).map(u -> Region.within(u.regionId(), regionId)).orElse(false);
    }

    public Optional<Region> region(String regionId) {
        return regions(regionId).stream().filter(r -> r.id().equals(regionId)).findFirst();
    }

    /** {@code regionId} and the regions below it (every region when null), in the order of their paths. */
    public List<Region> regions(String regionId) {
        List<Region> regions = new ArrayList<>();
        String sql = "SELECT id, name, parent_id, depth FROM region"
                + (regionId == null ? "" : " WHERE " + Sql.WITHIN.replace("?col", "id")) + " ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (regionId != null) {
                Sql.bindWithin(s, 1, regionId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    regions.add(new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取地区失败", e);
        }
        return regions;
    }
}
