package org.civcheck.criteria;

import java.util.List;
import java.util.Set;

/**
 * One parameter of a check kind, as the rule author declares it beside the rule in DRL metadata:
 * {@code @min("最少份数 | count | 份")} — its Chinese label, its type and, for numbers, its unit.
 * Lint, the criteria loader, the explain view and the results page all read this one declaration.
 *
 * <p>Types: {@code count} (a whole number, 0 or more), {@code number}, {@code share} (a fraction
 * from 0 to 1, shown as a percentage), {@code flag} (true / false), {@code text}, {@code monthDay}
 * ("03-31"), {@code date} ("2025-01-01"), a taxonomy list's name for one of its words
 * ({@code documentKinds}), and any of these in brackets for a list ({@code [activityTypes]}).
 *
 * @param required whether every indicator of the kind must give it
 * @param label the Chinese label the page, the explain view and lint show; the name when the rule
 *     author gave none
 * @param unit what a number counts (份, 次, 天), or empty
 */
public record Parameter(String name, String type, boolean required, String label, String unit) {

    /** The scalar types; any other type names a taxonomy list. */
    public static final Set<String> SCALARS = Set.of("count", "number", "share", "flag", "text", "monthDay", "date");

    /** Parses a declaration "label | type | unit"; a missing type is {@code text}. */
    public static Parameter parse(String name, boolean required, String declaration) {
        if (declaration == null || declaration.isBlank()) {
            return new Parameter(name, "", required, name, "");
        }
        List<String> parts = List.of(declaration.split("\\|", -1)).stream().map(String::trim).toList();
        return new Parameter(name, parts.size() > 1 ? parts.get(1) : "", required,
                parts.get(0).isEmpty() ? name : parts.get(0), parts.size() > 2 ? parts.get(2) : "");
    }

    /** Whether the rule author declared this parameter (a label and a type), not only named it. */
    public boolean declared() {
        return !type.isEmpty();
    }

    /** Whether the value is a list ({@code [activityTypes]}). */
    public boolean isList() {
        return type.startsWith("[") && type.endsWith("]");
    }

    /** The type of one value: the type itself, or what a list holds. */
    public String elementType() {
        return isList() ? type.substring(1, type.length() - 1).trim() : type;
    }

    /** The taxonomy list whose words the value must be, or null for a scalar. */
    public String vocabulary() {
        String t = elementType();
        return t.isEmpty() || SCALARS.contains(t) ? null : t;
    }

    /** This parameter with another requiredness (a kind's rules may differ on it). */
    public Parameter withRequired(boolean value) {
        return new Parameter(name, type, value, label, unit);
    }
}
