package org.civcheck.engine.facts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One indicator to be scored, as the rules see it: the check kind that scores it and that
 * kind's parameters from the criteria. {@code order} is its position in the criteria.
 *
 * <p>The vocabulary lists a rule filters activities by ({@code types}, {@code organizers}, …) are
 * also fields, empty when the criteria leave them out: a rule reads them for every activity it
 * tests, and a field is read at a fraction of the cost of a method call with an argument.
 */
public record Check(String id, int order, String category, String kind, String name, double points, String problem,
        boolean blocking, Map<String, Object> params, Set<String> types, Set<String> organizers,
        Set<String> externalOrganizers, Set<String> allOf, Set<String> anyOf, Set<String> incidentTypes) {

    /** A check of an indicator, its vocabulary lists taken from {@code params}. */
    public static Check of(String id, int order, String category, String kind, String name, double points,
            String problem, boolean blocking, Map<String, Object> params) {
        return new Check(id, order, category, kind, name, points, problem, blocking, params,
                set(params, "types"), set(params, "organizers"), set(params, "externalOrganizers"),
                set(params, "allOf"), set(params, "anyOf"), set(params, "incidentTypes"));
    }

    private static Set<String> set(Map<String, Object> params, String key) {
        Object v = params.get(key);
        if (v instanceof List<?> list) {
            return toSet(list);
        }
        return v == null ? Set.of() : Set.of(String.valueOf(v));
    }

    public Check {
        // List parameters become sets once here: rules read them for every activity they test.
        Map<String, Object> prepared = new java.util.HashMap<>();
        params.forEach((k, v) -> prepared.put(k, v instanceof List<?> list ? toSet(list) : v));
        params = Map.copyOf(prepared);
    }

    private static Set<String> toSet(List<?> list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(x -> out.add(String.valueOf(x)));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** Whether the criteria give parameter {@code key}. */
    public boolean has(String key) {
        return params.containsKey(key);
    }

    /** A numeric parameter; a missing one is a criteria fault reported by {@link MissingParameterException}. */
    public double num(String key) {
        Object v = require(key);
        if (!(v instanceof Number n)) {
            throw new MissingParameterException(id, key, "应为数字");
        }
        return n.doubleValue();
    }

    /** A whole-number parameter (counts, months, days). */
    public int count(String key) {
        return (int) Math.round(num(key));
    }

    public String text(String key) {
        return String.valueOf(require(key));
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(params.get(key));
    }

    /** A list parameter as a set; an absent optional list is empty. */
    @SuppressWarnings("unchecked")
    public Set<String> words(String key) {
        Object v = params.get(key);
        if (v == null) {
            return Set.of();
        }
        if (v instanceof Set<?> set) {
            return (Set<String>) set;
        }
        return Set.of(String.valueOf(v));
    }

    private Object require(String key) {
        Object v = params.get(key);
        if (v == null) {
            throw new MissingParameterException(id, key, "缺少参数");
        }
        return v;
    }
}
