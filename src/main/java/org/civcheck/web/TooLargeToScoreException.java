package org.civcheck.web;

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
        this("证据包含 " + activities + " 条活动、" + attachments + " 份材料，评分约需 " + mib(estimatedBytes)
                + " MiB 内存，超过本服务可用于评分的 " + mib(budgetBytes) + " MiB；请分期（如按年度）上传，"
                + "或请管理员调大 serve 的 --scoring-memory 和 Java 最大堆（-Xmx）。未保存任何内容");
    }

    /** A package that must be read the strict way, whose JSON tree would not fit in the heap. */
    static TooLargeToScoreException toReadStrictly(long jsonBytes, long estimatedBytes, long heapBytes) {
        return new TooLargeToScoreException("证据包的 JSON（" + mib(jsonBytes) + " MiB）有错误或可能不符合数据契约，"
                + "需要逐项核对才能指出问题所在，约需 " + mib(estimatedBytes) + " MiB 内存，超过本服务的 Java 最大堆 "
                + mib(heapBytes) + " MiB；请先在本机用 civcheck check 检查并改正，或分期（如按年度）上传。未保存任何内容");
    }

    /** The Chinese sentence for the user. */
    public String detail() {
        return detail;
    }

    private static long mib(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
