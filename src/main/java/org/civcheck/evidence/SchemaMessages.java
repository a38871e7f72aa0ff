package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one Chinese sentence per JSON Schema keyword, naming what was expected and what was
 * found. The validator's own (English or translated) messages are never shown.
 */
final class SchemaMessages {

    /** Readable descriptions of the contract's patterns, by the end of their schema location. */
    private static final Map<String, String> PATTERN_HINTS = Map.of(
            "/$defs/date/pattern", "应为按“年-月-日”书写的日期，如 2025年3月14日写作 2025-03-14",
            "/$defs/unit/properties/id/pattern", "应由小写字母、数字和连字符组成，以字母或数字开头，最长 64 个字符");

    private static final Map<String, String> TYPE_NAMES = Map.of(
            "string", "字符串",
            "integer", "整数",
            "number", "数字",
            "boolean", "布尔值（true 或 false）",
            "object", "对象",
            "array", "数组",
            "null", "null");

    private SchemaMessages() {}

    /** The fault for one validator error; for {@code required} the path names the missing field. */
    static InputProblem toProblem(Error error) {
        String path = JsonPaths.of(error.getInstanceLocation());
        if ("required".equals(error.getKeyword())) {
            return new InputProblem(JsonPaths.field(path, error.getProperty()), "缺少必填字段");
        }
        return new InputProblem(path, message(error));
    }

    private static String message(Error error) {
        JsonNode expected = error.getSchemaNode();
        JsonNode actual = error.getInstanceNode();
        String found = "（实际为 " + InputTexts.value(actual) + "）";
        return switch (error.getKeyword()) {
            case "type" -> "应为" + typeNames(expected) + "，实际为" + typeOf(actual);
            case "enum" -> "应为以下之一：" + join(expected) + found;
            case "const" -> "应为 " + InputTexts.value(expected) + found;
            case "minimum" -> "应不小于 " + InputTexts.value(expected) + found;
            case "maximum" -> "应不大于 " + InputTexts.value(expected) + found;
            case "exclusiveMinimum" -> "应大于 " + InputTexts.value(expected) + found;
            case "exclusiveMaximum" -> "应小于 " + InputTexts.value(expected) + found;
            case "pattern" -> patternHint(error) + found;
            case "minItems" -> "至少应有 " + expected.asInt() + " 项（实际为 " + actual.size() + " 项）";
            case "maxItems" -> "至多应有 " + expected.asInt() + " 项（实际为 " + actual.size() + " 项）";
            case "minLength" -> expected.asInt() == 1 ? "不能为空" : "长度至少应为 " + expected.asInt() + " 个字符" + found;
            case "maxLength" -> "长度不应超过 " + expected.asInt() + " 个字符（实际为 " + length(actual) + " 个字符）";
            case "additionalProperties" -> "不允许的字段";
            default -> "不符合证据包的格式要求";
        };
    }

    private static String patternHint(Error error) {
        String location = String.valueOf(error.getSchemaLocation());
        for (Map.Entry<String, String> hint : PATTERN_HINTS.entrySet()) {
            if (location.endsWith(hint.getKey())) {
                return hint.getValue();
            }
        }
        return "格式不符合要求";
    }

    private static String typeNames(JsonNode expected) {
        if (!expected.isArray()) {
            return TYPE_NAMES.getOrDefault(expected.asText(), expected.asText());
        }
        List<String> names = new ArrayList<>();
        expected.forEach(type -> names.add(TYPE_NAMES.getOrDefault(type.asText(), type.asText())));
        return String.join("或", names);
    }

    private static String typeOf(JsonNode actual) {
        if (actual.isTextual()) {
            return "字符串";
        }
        if (actual.isIntegralNumber()) {
            return "整数";
        }
        if (actual.isNumber()) {
            return "小数";
        }
        if (actual.isBoolean()) {
            return "布尔值";
        }
        if (actual.isObject()) {
            return "对象";
        }
        if (actual.isArray()) {
            return "数组";
        }
        return "空值";
    }

    private static String join(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(value -> shown.add(value.isTextual() ? value.textValue() : value.toString()));
        return String.join("、", shown);
    }

    private static int length(JsonNode text) {
        return text.asText().codePointCount(0, text.asText().length());
    }
}
