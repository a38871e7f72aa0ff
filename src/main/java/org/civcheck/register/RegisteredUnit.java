package org.civcheck.register;

/**
 * A unit as the register lists it.
 *
 * @param level    the level of its 文明单位 title (the package contract's word: national, provincial,
 *                 municipal, county), or null when the register does not say
 * @param regionId the {@link Region#id()} of its region
 */
public record RegisteredUnit(String id, String name, String level, String regionId) {}
