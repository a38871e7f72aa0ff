package org.civcheck.criteria;

import java.util.Map;

/**
 * A 测评内容: what earns {@code points}, checked by the rules of check kind {@code check} with
 * {@code params} (thresholds, activity types, evidence kinds). A gap in it shows {@code problem};
 * a gap in a {@code blocking} indicator keeps the verdict from {@code ready}.
 *
 * @param params the check's parameters as written, with "@class" activity-type entries expanded
 * @param notApplicableReason why an overlay marked the indicator not applicable (不适用); null when
 *     it applies. A not-applicable indicator is not scored and its points are in no maximum.
 * @param due how the requirement scales to a part of the period when the indicator overrides its
 *     check kind's declaration ({@link Due#MANNERS}); null to keep the kind's
 * @param dueBy the month-day ("03-31") a deadline falls on when the indicator gives it; null otherwise
 */
public record Indicator(
        String id,
        String categoryId,
        String name,
        double points,
        String method,
        String check,
        Map<String, Object> params,
        String problem,
        boolean blocking,
        String remedy,
        String notApplicableReason,
        String due,
        String dueBy) {

    public Indicator {
        params = Map.copyOf(params);
    }

    /** An indicator that applies (the form every plain criteria set has). */
    public Indicator(String id, String categoryId, String name, double points, String method, String check,
            Map<String, Object> params, String problem, boolean blocking, String remedy) {
        this(id, categoryId, name, points, method, check, params, problem, blocking, remedy, null);
    }

    /** An indicator that keeps its check kind's way of scaling to a part of the period. */
    public Indicator(String id, String categoryId, String name, double points, String method, String check,
            Map<String, Object> params, String problem, boolean blocking, String remedy, String notApplicableReason) {
        this(id, categoryId, name, points, method, check, params, problem, blocking, remedy, notApplicableReason,
                null, null);
    }

    /** Whether the indicator is scored: false once an overlay marked it not applicable. */
    public boolean applicable() {
        return notApplicableReason == null;
    }
}
