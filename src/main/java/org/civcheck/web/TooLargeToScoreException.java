package org.civcheck.web;

import org.civcheck.report.page.Formats;

/**
 * A package whose scoring alone is estimated to need more memory than the service can give it,
 * answered with 413, nothing stored. Retrying does not help; a smaller package (one year at a
 * time) or a larger budget does. Two cases: once read, its activities and attachments need more
 * than the whole scoring budget ({@link ScoringLimiter}); or its JSON has a fault or may not pass
 * the schema, and reading it the strict way (a tree of the whole text) would need more than the
 * whole Java heap, which would fail every scoring in flight, not only this one.
 */
public final class TooLargeToScoreException extends RuntimeException {

    private final String detail;

    private TooLargeToScoreException(String detail) {
        super("package too large to score within the budget", null, false, false);
        this.detail = detail;
    }

    /** A package read whose activities and attachments need more than the whole budget. */
    TooLargeToScoreException(int activities, int attachments, long estimatedBytes, long budgetBytes) {
        this("证据包含 " + activities + " 条活动、" + attachments + " 份材料，评分约需 " + Formats.bytes(estimatedBytes)
                + " 内存，超过本服务可用于评分的 " + Formats.bytes(budgetBytes) + "；请分期（如按年度）上传，"
                + "或请管理员调大评分可用的内存。未保存任何内容");
    }

    /** A package that must be read the strict way, whose JSON tree would not fit in the heap. */
    static TooLargeToScoreException toReadStrictly(long jsonBytes, long estimatedBytes, long heapBytes) {
        // A workbook is charged this way too, before it is opened: the words fit both.
        return new TooLargeToScoreException("证据包的内容（" + Formats.bytes(jsonBytes) + "）需要逐项核对，约需 "
                + Formats.bytes(estimatedBytes) + " 内存，超过本服务能用的全部内存 " + Formats.bytes(heapBytes)
                + "；请分期（如按年度）上传，或请管理员调大本服务的内存。未保存任何内容");
    }

    /** The Chinese sentence for the user. */
    public String detail() {
        return detail;
    }
}
