package org.civcheck.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Compiled rules, ready to score any number of packages (thread-safe: each run gets its own
 * session), with the check kinds their metadata declares, the names of all rules and where the
 * compiled rules came from.
 */
public record RuleBase(KieBase kieBase, String sha256, int fileCount, Map<String, CheckKind> checkKinds,
        List<String> ruleNames, Origin origin) {

    /** Where compiled rules came from; the rules themselves are the same whichever it was. */
    public enum Origin {
        /** compiled when the jar was built, from the same files */
        BUILT_IN,
        /** compiled by an earlier run from the same files, read from the rules cache */
        CACHED,
        /** compiled to the executable model by this run (and cached) */
        COMPILED,
        /** compiled as classic DRL by this run: the executable model rejected the files */
        COMPILED_AS_DRL
    }

    RuleBase(KieBase kieBase, String sha256, int fileCount, Origin origin) {
        this(kieBase, sha256, fileCount, kinds(kieBase), names(kieBase), origin);
    }

    private static Map<String, CheckKind> kinds(KieBase kieBase) {
        Map<String, CheckKind> kinds = new LinkedHashMap<>();
        for (Rule rule : rules(kieBase)) {
            Map<String, Object> metadata = metadata(rule);
            Object kind = metadata.get("kind");
            if (kind != null) {
                String id = String.valueOf(kind);
                kinds.put(id, CheckKind.merge(kinds.getOrDefault(id, CheckKind.empty(id)), rule.getName(), metadata));
            }
        }
        return kinds;
    }

    /**
     * A rule's metadata with each value as text the way classic DRL gives it, whichever way the
     * rules were compiled.
     */
    public static Map<String, Object> metadata(Rule rule) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        rule.getMetaData().forEach((key, value) -> metadata.put(key, text(value)));
        return metadata;
    }

    /**
     * A metadata value as text: classic DRL gives {@code @kind("x")} as {@code x}, the executable
     * model as the literal {@code "x"}, quotes and all.
     */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> names(KieBase kieBase) {
        return rules(kieBase).stream().map(Rule::getName).sorted().toList();
    }

    private static List<Rule> rules(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .sorted(java.util.Comparator.comparing(Rule::getName)).toList();
    }
}
