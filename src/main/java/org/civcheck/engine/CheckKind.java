package org.civcheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A check kind as the rules implement it, read from their metadata:
 * {@code @kind("regularity") @params("types, minMonths, maxGapMonths?, bunchingWeeks+maxBunchedShare?")}.
 * A plain name is required, {@code name?} optional, and {@code a+b?} an optional group whose
 * members come all together or not at all.
 */
public record CheckKind(String id, Set<String> required, Set<String> optional, List<Set<String>> groups,
        List<String> rules) {

    /** Every parameter some rule of this kind reads. */
    public Set<String> known() {
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
        groups.forEach(all::addAll);
        return all;
    }

    /** Adds what one rule's {@code @params} declares. */
    static CheckKind merge(CheckKind kind, String rule, String params) {
        Set<String> required = new LinkedHashSet<>(kind.required);
        Set<String> optional = new LinkedHashSet<>(kind.optional);
        List<Set<String>> groups = new ArrayList<>(kind.groups);
        for (String raw : params == null ? new String[0] : params.split(",")) {
            String p = raw.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.endsWith("?") && p.contains("+")) {
                groups.add(new LinkedHashSet<>(List.of(p.substring(0, p.length() - 1).split("\\+"))));
            } else if (p.endsWith("?")) {
                optional.add(p.substring(0, p.length() - 1));
            } else {
                required.add(p);
            }
        }
        optional.removeAll(required);
        List<String> rules = new ArrayList<>(kind.rules);
        rules.add(rule);
        return new CheckKind(kind.id, required, optional, groups, rules);
    }
}
