package org.civcheck.authoring;

import java.util.Map;
import org.civcheck.engine.Verdicts;
import org.civcheck.engine.facts.Texts;

/** The Chinese words of the test report: verdicts, statuses, score ranges, indicator names. */
final class Words {

    private static final Map<String, String> STATUSES = Map.of(
            "met", "达标", "partial", "部分达标", "unmet", "未达标", "not-applicable", "不适用");

    private Words() {}

    /** {@code 存在风险（at-risk）}. */
    static String verdict(String verdict) {
        return Verdicts.chinese(verdict) + "（" + verdict + "）";
    }

    /** {@code 部分达标（partial）}. */
    static String status(String status) {
        return STATUSES.getOrDefault(status, status) + "（" + status + "）";
    }

    /** {@code 部分达标}, without the id. */
    static String statusName(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    /** {@code “年初制定年度创建计划”（annual-plan）}. */
    static String indicator(String name, String id) {
        return "“" + name + "”（" + id + "）";
    }

    /** {@code 96～97分}, {@code ≥90分}, {@code ≤60分} or {@code 100分}. */
    static String range(Double min, Double max) {
        if (min != null && max != null) {
            return min.equals(max) ? num(min) + "分" : num(min) + "～" + num(max) + "分";
        }
        return min != null ? "≥" + num(min) + "分" : "≤" + num(max) + "分";
    }

    static String num(double value) {
        return Texts.num(value);
    }

    /** {@code 100%}, or one decimal when not whole: {@code 97.1%}. */
    static String percent(double value) {
        double tenths = Math.floor(value * 10 + 1e-9) / 10;
        return (tenths == Math.rint(tenths) ? String.valueOf((long) tenths) : String.valueOf(tenths)) + "%";
    }
}
