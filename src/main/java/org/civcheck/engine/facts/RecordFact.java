package org.civcheck.engine.facts;

/**
 * A dated piece of 台账 material of an activity.
 *
 * @param lagDays days from the activity to the material's date
 * @param daysBeforeInspection days from the material's date to the inspection
 */
public record RecordFact(String activityId, String activityType, String kind, long lagDays, long daysBeforeInspection) {}
