package org.civcheck.engine.facts;

/** A department (科室) and its staff on post. */
public record DepartmentFact(String id, String name, int staff) {}
