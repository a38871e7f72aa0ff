package org.civcheck.report.draft;

import java.util.List;

/**
 * A draft as Markdown: the title as {@code #}, parts as {@code ##}, sections as {@code ###}, each
 * paragraph on a line of its own, the 落款 as two lines, and the appendix as a table. Every text is
 * escaped ({@link #escape}): a package's titles and names reach the draft, and neither HTML nor
 * Markdown in them may act when the file is rendered.
 */
public final class MarkdownDraft {

    private MarkdownDraft() {}

    public static String render(ReportDraft draft) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(draft.title())).append("\n\n");
        out.append(escape(draft.addressee())).append("\n\n");
        out.append(escape(draft.intro())).append("\n\n");
        for (ReportDraft.Part part : draft.parts()) {
            out.append("## ").append(escape(part.title())).append("\n\n");
            for (ReportDraft.Section section : part.sections()) {
                if (section.heading() != null) {
                    out.append("### ").append(escape(section.heading())).append("\n\n");
                }
                for (String paragraph : section.paragraphs()) {
                    out.append(escape(paragraph)).append("\n\n");
                }
            }
        }
        out.append(escape(draft.closing())).append("\n\n");
        out.append(escape(draft.appendixNote())).append("\n\n");
        out.append(escape(draft.signature().unit())).append("  \n");
        out.append(escape(draft.signature().date())).append("\n\n");
        ReportDraft.Appendix appendix = draft.appendix();
        out.append("---\n\n").append(escape(appendix.label())).append("\n\n");
        out.append("## ").append(escape(appendix.title())).append("\n\n");
        row(out, appendix.columns());
        out.append("|").append("---|".repeat(appendix.columns().size())).append('\n');
        appendix.rows().forEach(r -> row(out, r));
        return out.toString().stripTrailing() + "\n";
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(c -> out.append(' ').append(escape(c)).append(" |"));
        out.append('\n');
    }

    /**
     * {@code text} as literal Markdown: {@code & < >} as character references (no HTML can start),
     * the characters Markdown gives meaning (and the table's bar) behind a backslash, line breaks as
     * spaces (a text never starts a block of its own).
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!', '{', '}' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
