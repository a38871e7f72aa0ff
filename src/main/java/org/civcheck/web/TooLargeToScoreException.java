package org.civcheck.web;

/**
 * A package that reads but whose scoring alone is estimated to need more memory than the
 * service's whole scoring budget ({@link ScoringLimiter}): answered with 413, nothing stored.
 * Retrying does not help; a smaller package (one year at a time) or a larger budget does.
 */
public final class TooLargeToScoreException extends RuntimeException {

    private final int activities;
    private final int attachments;
    private final long estimatedBytes;
    private final long budgetBytes;

    TooLargeToScoreException(int activities, int attachments, long estimatedBytes, long budgetBytes) {
        super("package too large to score within the budget", null, false, false);
        this.activities = activities;
        this.attachments = attachments;
        this.estimatedBytes = estimatedBytes;
        this.budgetBytes = budgetBytes;
    }

    /** The Chinese sentence for the user. */
    public String detail() {
        return "证据包含 " + activities + " 条活动、" + attachments + " 份材料，评分约需 " + mib(estimatedBytes)
                + " MiB 内存，超过本服务可用于评分的 " + mib(budgetBytes) + " MiB；请分期（如按年度）上传，"
                + "或请管理员调大 serve 的 --scoring-memory 和 Java 最大堆（-Xmx）。未保存任何内容";
    }

    private static long mib(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
