package org.civcheck.register;

import java.util.List;

/** Units and the regions they lie in (every region of every unit's path, outermost first). */
public record Register(List<Region> regions, List<RegisteredUnit> units) {

    public Register {
        regions = List.copyOf(regions);
        units = List.copyOf(units);
    }
}
