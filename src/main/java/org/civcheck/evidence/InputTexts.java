package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Renders values inside Chinese messages: quoted text, numbers without exponents, byte sizes.
 * Public for its byte sizes alone, the one way sizes are written for people (pages say them too).
 */
public final class InputTexts {

    private static final int MAX_QUOTED = 40;

    private InputTexts() {}

    /** {@code “text”}, shortened with an ellipsis when long. */
    static String quote(String text) {
        String shown = text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
        return "“" + shown + "”";
    }

    /** A JSON value as a user would recognise it: strings quoted, numbers plain, containers by kind. */
    static String value(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "（无）";
        }
        if (node.isTextual()) {
            return quote(node.textValue());
        }
        if (node.isNumber()) {
            return number(node);
        }
        if (node.isObject()) {
            return "对象";
        }
        if (node.isArray()) {
            return "数组";
        }
        return node.asText();
    }

    /** A size for people: "980 字节", "85.4 KB", "3.2 MB", "512 MB". */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " 字节";
        }
        if (n < 1024L * 1024L) {
            return trim(n / 1024.0) + " KB";
        }
        return trim(n / (1024.0 * 1024.0)) + " MB";
    }

    private static String number(JsonNode node) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return node.asText();
        }
        return node.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
