package org.civcheck.report.table;

import java.util.List;

/**
 * The 说明 of an indicator: its findings as sentences, kept to at most {@value ReviewTable#REMARK_LIMIT}
 * characters counted as Unicode code points (the national rule).
 *
 * <p>A longer text is cut after the last sentence end (。！？； and their ASCII forms, or a line
 * break) that leaves room for the ellipsis "……", and the ellipsis is appended. Sentence ends
 * inside brackets or quotation marks are not used. Without any usable sentence end it falls back
 * to the last clause break (，、：), and without that to the last whole code point: a cut never
 * splits a surrogate pair.
 */
public final class Remarks {

    /** What marks the text as cut. */
    public static final String ELLIPSIS = "……";

    private static final String SENTENCE_ENDS = "。！？；!?;\n";
    private static final String CLAUSE_BREAKS = "，、：,:";
    private static final String OPENING = "（(【[“‘《「『";
    private static final String CLOSING = "）)】]”’》」』";

    private Remarks() {}

    /**
     * The findings as one 说明: each finding one sentence, separated by "；" and ended by "。",
     * cut to {@code limit} code points by {@link #limit}.
     */
    public static String of(List<String> findings, int limit) {
        StringBuilder text = new StringBuilder();
        for (String finding : findings) {
            String sentence = trimEnd(finding == null ? "" : finding.strip());
            if (sentence.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append('；');
            }
            text.append(sentence);
        }
        if (text.length() > 0) {
            text.append('。');
        }
        return limit(text.toString(), limit);
    }

    /** {@code text} if it has at most {@code limit} code points, else cut as the class describes. */
    public static String limit(String text, int limit) {
        if (limit < ELLIPSIS.length()) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        int room = limit - ELLIPSIS.codePointCount(0, ELLIPSIS.length());
        int end = text.offsetByCodePoints(0, room); // char index just past the last code point that fits
        int sentenceCut = -1;
        int clauseCut = -1;
        int depth = 0;
        for (int i = 0; i < end; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (OPENING.indexOf(cp) >= 0) {
                depth++;
            } else if (CLOSING.indexOf(cp) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && SENTENCE_ENDS.indexOf(cp) >= 0) {
                sentenceCut = next;
            } else if (depth == 0 && CLAUSE_BREAKS.indexOf(cp) >= 0) {
                clauseCut = next;
            }
            i = next;
        }
        int cut = sentenceCut > 0 ? sentenceCut : clauseCut > 0 ? clauseCut : end;
        String kept = text.substring(0, cut);
        if (kept.endsWith("\n")) {
            kept = kept.stripTrailing();
        }
        return kept + ELLIPSIS;
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && "。；;.，,".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end).strip();
    }
}
