package org.civcheck.evidence;

/** A department (科室) of the unit, with its staff on post. */
public record Department(String id, String name, int staff) {}
