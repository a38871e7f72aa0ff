package org.civcheck.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One change a case makes to its base package before the package is read, as written in the
 * case file at {@code line}. {@link PackageEdits} applies it.
 *
 * @param path   where, as {@code $.plans[0].date}
 * @param values the value to set or add (one), or the elements to append (one or more)
 * @param match  for {@code removeWhere} and {@code updateWhere}: the fields an element must have
 * @param fields for {@code updateWhere}: the fields to give every matching element
 */
record PackageEdit(Op op, String path, List<JsonNode> values, Map<String, JsonNode> match,
        Map<String, JsonNode> fields, int line) {

    /** The operations of the change language, by the key that names them in a case file. */
    enum Op {
        SET("set"), ADD("add"), REMOVE("remove"), APPEND("append"), REMOVE_WHERE("removeWhere"),
        UPDATE_WHERE("updateWhere");

        final String key;

        Op(String key) {
            this.key = key;
        }

        static Op of(String key) {
            for (Op op : values()) {
                if (op.key.equals(key)) {
                    return op;
                }
            }
            return null;
        }

        static String keys() {
            return String.join("、", java.util.Arrays.stream(values()).map(o -> o.key).toList());
        }
    }

    PackageEdit {
        values = List.copyOf(values);
        match = Map.copyOf(match);
        fields = Map.copyOf(fields);
    }
}
