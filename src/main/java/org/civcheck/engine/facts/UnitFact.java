package org.civcheck.engine.facts;

/**
 * The unit's headcount and 创建 staffing. {@code coordinatorDedicated} is null when no coordinator
 * is named; {@code registeredVolunteers} is null when the package does not say.
 */
public record UnitFact(String name, int staff, String coordinatorName, Boolean coordinatorDedicated,
        Integer registeredVolunteers) {}
