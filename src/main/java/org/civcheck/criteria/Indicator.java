package org.civcheck.criteria;

import java.util.Map;

/**
 * A 测评内容: what earns {@code points}, checked by the rules of check kind {@code check} with
 * {@code params} (thresholds, activity types, evidence kinds). A gap in it shows {@code problem};
 * a gap in a {@code blocking} indicator keeps the verdict from {@code ready}.
 *
 * @param params the check's parameters as written, with "@class" activity-type entries expanded
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
        String remedy) {

    public Indicator {
        params = Map.copyOf(params);
    }
}
