package org.civcheck.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks one value an indicator gives a parameter against the type its rules declare
 * ({@link Parameter}), recording each fault with the parameter's line: a list where one word is
 * expected, a fraction above 1, a count that is not whole, a word the taxonomy does not have.
 */
final class ParameterCheck {

    private final Fields params;
    private final String key;
    private final Parameter parameter;
    private final Taxonomy taxonomy;

    ParameterCheck(Fields params, String key, Parameter parameter, Taxonomy taxonomy) {
        this.params = params;
        this.key = key;
        this.parameter = parameter;
        this.taxonomy = taxonomy;
    }

    void check(JsonNode value) {
        if (value.isArray() && !parameter.isList()) {
            fault("应为一个值，不是列表" + (parameter.vocabulary() != null
                    ? "：每个指标只能写一种，需要几种时请分设几个指标" : ""));
            return;
        }
        if (parameter.isList()) {
            if (value.isArray()) {
                value.forEach(this::one);
            } else {
                one(value);
            }
        } else {
            one(value);
        }
    }

    private void one(JsonNode v) {
        String vocabulary = parameter.vocabulary();
        if (vocabulary != null) {
            if (!v.isTextual()) {
                fault("应为 taxonomy.yaml 中的词，实际为“" + v.asText() + "”");
                return;
            }
            if (v.asText().startsWith("@")) {
                return; // a class: the loader expands it and says when it is none
            }
            List<Taxonomy.Term> terms = taxonomy.list(vocabulary);
            if (terms == null) {
                fault("规则声明的词表“" + vocabulary + "”不在 taxonomy.yaml 中");
            } else if (terms.isEmpty()) {
                // An optional list (roles, honorLevels) the set does not write: say which, not "（）".
                params.fault(params.at(key), "“" + v.asText() + "”不在 taxonomy.yaml 的可选值中：taxonomy.yaml 没有 "
                        + vocabulary + " 词表，请先在其中列出可选的词（如 - { id: " + v.asText() + ", name: … }）");
            } else {
                CriteriaLoader.requireTerm(params, key, v.asText(), terms);
            }
            return;
        }
        switch (parameter.elementType()) {
            case "count" -> {
                if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() != Math.rint(v.asDouble())) {
                    fault("应为不小于 0 的整数，实际为“" + v.asText() + "”");
                }
            }
            case "number" -> {
                if (!v.isNumber()) {
                    fault("应为数字，实际为“" + v.asText() + "”");
                }
            }
            case "share" -> {
                if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
                    fault("应为 0 到 1 之间的小数（0.3 即 30%），实际为“" + v.asText() + "”");
                }
            }
            case "flag" -> {
                if (!v.isBoolean()) {
                    fault("应为 true 或 false，实际为“" + v.asText() + "”");
                }
            }
            case "monthDay" -> {
                if (!parses(() -> MonthDay.parse("--" + v.asText())) || !v.isTextual()) {
                    fault("应为“月-日”，如 \"03-31\"，实际为“" + v.asText() + "”");
                }
            }
            case "date" -> {
                if (!parses(() -> LocalDate.parse(v.asText())) || !v.isTextual()) {
                    fault("应为日期，如 \"2025-01-01\"，实际为“" + v.asText() + "”");
                }
            }
            case "text" -> {
                if (!v.isValueNode()) {
                    fault("应为文字");
                }
            }
            default -> fault("规则声明了未知的参数类型“" + parameter.type() + "”");
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void fault(String what) {
        params.fault(params.at(key), "参数 " + key + "（" + parameter.label() + "）" + what);
    }
}
