package org.civcheck.register;

import java.util.ArrayList;
import java.util.List;

/**
 * A region of the tree 省 → 市 → 区/县, named by its path of names ({@code 江苏省/南京市/玄武区}):
 * the path is its id, so a region and everything below it share a prefix.
 *
 * @param depth 1 for a province, 2 for a city, 3 for a district or county
 */
public record Region(String id, String name, String parentId, int depth) {

    /** What separates the names of a region's path. */
    public static final String SEPARATOR = "/";

    /** The longest name of one region. */
    public static final int MAX_NAME = 100;

    /** The deepest a region may lie: 省, 市, 区/县. */
    public static final int MAX_DEPTH = 3;

    /** The region of the path {@code names} (outermost first) and every region above it, outermost first. */
    public static List<Region> path(List<String> names) {
        List<Region> regions = new ArrayList<>();
        String parent = null;
        for (int i = 0; i < names.size(); i++) {
            String id = parent == null ? names.get(i) : parent + SEPARATOR + names.get(i);
            regions.add(new Region(id, names.get(i), parent, i + 1));
            parent = id;
        }
        return regions;
    }

    /** Whether {@code regionId} is {@code ancestorId} or lies below it. */
    public static boolean within(String regionId, String ancestorId) {
        return regionId != null && ancestorId != null
                && (regionId.equals(ancestorId) || regionId.startsWith(ancestorId + SEPARATOR));
    }

    /** The region's path as a person reads it: 江苏省 南京市 玄武区. */
    public static String label(String regionId) {
        return regionId == null ? "" : regionId.replace(SEPARATOR, " ");
    }
}
