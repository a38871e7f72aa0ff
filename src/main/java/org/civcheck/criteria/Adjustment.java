package org.civcheck.criteria;

import java.util.Map;

/**
 * A bonus (加分项) or deduction (扣分项) item of {@code adjustments.yaml}: the rules of check kind
 * {@code check} find the points it adds or takes off (honours by level, incidents per occurrence
 * or by grade), at most {@code cap}.
 *
 * @param direction {@link #BONUS} or {@link #DEDUCTION}
 */
public record Adjustment(String id, String name, String direction, String check, Map<String, Object> params,
        double cap) {

    public static final String BONUS = "bonus";
    public static final String DEDUCTION = "deduction";

    public Adjustment {
        params = Map.copyOf(params);
    }

    public boolean bonus() {
        return BONUS.equals(direction);
    }
}
