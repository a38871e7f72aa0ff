package org.civcheck.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Compiled rules, ready to score any number of packages (thread-safe: each run gets its own
 * session), with the check kinds their metadata declares and the names of all rules.
 */
public record RuleBase(KieBase kieBase, String sha256, int fileCount, Map<String, CheckKind> checkKinds,
        List<String> ruleNames) {

    RuleBase(KieBase kieBase, String sha256, int fileCount) {
        this(kieBase, sha256, fileCount, kinds(kieBase), names(kieBase));
    }

    private static Map<String, CheckKind> kinds(KieBase kieBase) {
        Map<String, CheckKind> kinds = new LinkedHashMap<>();
        for (Rule rule : rules(kieBase)) {
            Object kind = rule.getMetaData().get("kind");
            if (kind != null) {
                String id = String.valueOf(kind);
                kinds.put(id, CheckKind.merge(kinds.getOrDefault(id, CheckKind.empty(id)), rule.getName(),
                        rule.getMetaData()));
            }
        }
        return kinds;
    }

    private static List<String> names(KieBase kieBase) {
        return rules(kieBase).stream().map(Rule::getName).sorted().toList();
    }

    private static List<Rule> rules(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .sorted(java.util.Comparator.comparing(Rule::getName)).toList();
    }
}
