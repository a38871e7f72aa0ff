package org.civcheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.criteria.Parameter;

/**
 * A check kind as the rules implement it, described once in their metadata, where the rule author
 * writes the kind:
 *
 * <pre>
 * rule "document: …"
 *     &#64;kind("document") &#64;title("文件材料")
 *     &#64;params("documentKind, min, deadline+leadDays?")
 *     &#64;documentKind("文件种类 | documentKinds")
 *     &#64;min("最少份数 | count | 份")
 *     &#64;deadline("印发期限 | monthDay")
 *     &#64;leadDays("最早可在年初前 | count | 天")
 * </pre>
 *
 * In {@code @params} a plain name is required, {@code name?} optional, and {@code a+b?} an optional
 * group whose members come all together or not at all; each parameter's own annotation gives its
 * Chinese label, its type and its unit ({@link Parameter}). Several rules may implement one kind:
 * their declarations add up, and a parameter need be described by one of them only.
 *
 * <p>A parameter may not be named after one of Drools' own annotations ({@link #DROOLS_ANNOTATIONS}):
 * Drools would read {@code @role(…)} as its own. Lint says so.
 *
 * @param label the kind's Chinese name; its id when no rule gave {@code @title}
 * @param parameters every parameter some rule of the kind reads, in the order first declared
 * @param due how its requirement scales to a part of the period ({@code @due}); null when no rule
 *     declared it (lint rejects such a kind)
 */
public record CheckKind(String id, String label, Map<String, Parameter> parameters, List<Set<String>> groups,
        List<String> rules, String due) {

    /** The metadata keys that describe the kind itself; every other key of a rule may describe a parameter. */
    static final Set<String> OWN_KEYS = Set.of("kind", "title", "params", "due");

    /** Names Drools reads as its own annotations on a rule, not as metadata: no parameter may have them. */
    public static final Set<String> DROOLS_ANNOTATIONS = Set.of("role", "key", "position", "label", "timestamp",
            "duration", "expires", "description", "propertyReactive", "classReactive", "modifies", "watch");

    public CheckKind {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        groups = List.copyOf(groups);
        rules = List.copyOf(rules);
    }

    /** A kind without a {@code @due} declaration. */
    public CheckKind(String id, String label, Map<String, Parameter> parameters, List<Set<String>> groups,
            List<String> rules) {
        this(id, label, parameters, groups, rules, null);
    }

    /** The kind's {@code @due} declaration read, or null when it has none or names no known manner. */
    public org.civcheck.criteria.Due dueDeclared() {
        return org.civcheck.criteria.Due.parse(due);
    }

    /** The parameters of every kind, by kind and name: what the criteria loader checks indicators against. */
    public static Map<String, Map<String, Parameter>> parameters(Map<String, CheckKind> kinds) {
        Map<String, Map<String, Parameter>> out = new LinkedHashMap<>();
        kinds.forEach((id, kind) -> out.put(id, kind.parameters()));
        return out;
    }

    /**
     * A criteria loader that checks parameters against the kinds of {@code rules}; one that only
     * reads them when the rules did not compile (their faults are reported apart).
     */
    public static org.civcheck.criteria.CriteriaLoader loader(RuleBaseBuilder.Building rules) {
        return rules.isBuilt() ? new org.civcheck.criteria.CriteriaLoader(parameters(rules.ruleBase().checkKinds()))
                : new org.civcheck.criteria.CriteriaLoader();
    }

    /** A kind no rule has described yet. */
    static CheckKind empty(String id) {
        return new CheckKind(id, id, Map.of(), List.of(), List.of(), null);
    }

    /** The parameters every indicator of the kind must give. */
    public Set<String> required() {
        Set<String> out = new LinkedHashSet<>();
        parameters.values().stream().filter(Parameter::required).forEach(p -> out.add(p.name()));
        return out;
    }

    /** Every parameter some rule of this kind reads. */
    public Set<String> known() {
        return parameters.keySet();
    }

    /** Whether some rule gave the kind a Chinese name. */
    public boolean labelled() {
        return !label.equals(id);
    }

    /** Adds what one rule's metadata declares. */
    static CheckKind merge(CheckKind kind, String rule, Map<String, Object> metadata) {
        Map<String, Parameter> parameters = new LinkedHashMap<>(kind.parameters);
        List<Set<String>> groups = new ArrayList<>(kind.groups);
        Object params = metadata.get("params");
        for (String raw : params == null ? new String[0] : String.valueOf(params).split(",")) {
            String p = raw.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean optional = p.endsWith("?");
            String names = optional ? p.substring(0, p.length() - 1) : p;
            List<String> members = List.of(names.split("\\+")).stream().map(String::trim).toList();
            if (members.size() > 1) {
                groups.add(new LinkedHashSet<>(members));
            }
            for (String name : members) {
                Parameter before = parameters.get(name);
                Object declaration = metadata.get(name);
                Parameter p2 = before != null && (before.declared() || declaration == null) ? before
                        : Parameter.parse(name, !optional, declaration == null ? null : String.valueOf(declaration));
                // Required when any rule of the kind needs it.
                parameters.put(name, p2.required() || !optional ? p2.withRequired(true) : p2);
            }
        }
        Object label = metadata.get("title");
        List<String> rules = new ArrayList<>(kind.rules);
        rules.add(rule);
        Object due = metadata.get("due");
        return new CheckKind(kind.id, label != null && !kind.labelled() ? String.valueOf(label) : kind.label,
                parameters, groups, rules, kind.due != null || due == null ? kind.due : String.valueOf(due));
    }
}
