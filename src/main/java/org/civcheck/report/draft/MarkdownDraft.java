package org.civcheck.report.draft;

/**
 * A draft as Markdown: the title as {@code #}, parts as {@code ##}, category sections as
 * {@code ###}, and each paragraph on a line of its own.
 */
public final class MarkdownDraft {

    private MarkdownDraft() {}

    public static String render(ReportDraft draft) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(draft.title()).append("\n\n");
        out.append(draft.intro()).append("\n\n");
        for (ReportDraft.Part part : draft.parts()) {
            out.append("## ").append(part.title()).append("\n\n");
            for (ReportDraft.Section section : part.sections()) {
                if (section.heading() != null) {
                    out.append("### ").append(section.heading()).append("\n\n");
                }
                for (String paragraph : section.paragraphs()) {
                    out.append(paragraph).append("\n\n");
                }
            }
        }
        return out.toString().stripTrailing() + "\n";
    }
}
