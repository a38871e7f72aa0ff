package org.civcheck.engine.facts;

/**
 * A piece of 台账 material of an activity.
 *
 * @param dated whether the material says when it was made; when not, the day counts are 0
 * @param lagDays days from the activity to the material's date
 * @param daysBeforeInspection days from the material's date to the inspection
 */
public record RecordFact(String activityId, String activityType, String kind, boolean dated, long lagDays,
        long daysBeforeInspection) {}
