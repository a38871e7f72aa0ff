package org.civcheck.evidence;

import java.util.List;

/** The unit being checked, with its departments (科室) and its 创建 coordinator. */
public record Unit(
        String id,
        String name,
        String level,
        Integer titleSince,
        int staff,
        Integer partyMembers,
        List<Department> departments,
        Coordinator coordinator) {

    public Unit {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** Who runs 创建 work; {@code dedicated == false} means part-time (兼职). */
    public record Coordinator(String name, boolean dedicated) {}
}
