package org.civcheck.engine.facts;

/**
 * How much a department took part in the activities an indicator counts: the average, over those
 * activities, of its attendance ÷ its staff.
 */
public record DepartmentRate(String indicator, String department, String name, double rate, int activities) {}
