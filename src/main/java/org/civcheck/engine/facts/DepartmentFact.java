package org.civcheck.engine.facts;

/** A department (科室), its staff on post, and its position in the package. */
public record DepartmentFact(String id, int order, String name, int staff) {}
