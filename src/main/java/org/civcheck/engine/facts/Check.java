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
        Set<String> externalOrganizers, Set<String> allOf, Set<String> anyOf, Set<String> incidentTypes,
        boolean adjustment) {

    /** A check of an indicator, its vocabulary lists taken from {@code params}. */
    public static Check of(String id, int order, String category, String kind, String name, double points,
            String problem, boolean blocking, Map<String, Object> params) {
        return new Check(id, order, category, kind, name, points, problem, blocking, params,
                set(params, "types"), set(params, "organizers"), set(params, "externalOrganizers"),
                set(params, "allOf"), set(params, "anyOf"), set(params, "incidentTypes"), false);
    }

    /**
     * A check of a bonus (加分项, {@code category} "bonus") or deduction (扣分项, "deduction") item:
     * its rules give points to add or take off, capped at {@code cap}; it is no indicator and
     * never a gap.
     */
    public static Check adjustment(String id, int order, String direction, String kind, String name, double cap,
            Map<String, Object> params) {
        return new Check(id, order, direction, kind, name, cap, "", false, params,
                set(params, "types"), set(params, "organizers"), set(params, "externalOrganizers"),
                set(params, "allOf"), set(params, "anyOf"), set(params, "incidentTypes"), true);
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
        // Lists of numbers (points by grade) stay lists: their order and repeats mean something.
        params.forEach((k, v) -> prepared.put(k, v instanceof List<?> list && !numbers(list) ? toSet(list) : v));
        params = Map.copyOf(prepared);
    }

    private static boolean numbers(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(Number.class::isInstance);
    }

    /** A list parameter of numbers, in the order the criteria give them (points by grade). */
    public List<Double> numbers(String key) {
        Object v = require(key);
        if (!(v instanceof List<?> list) || !numbers(list)) {
            throw new MissingParameterException(id, key, "应为数字列表");
        }
        return list.stream().map(n -> ((Number) n).doubleValue()).toList();
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
