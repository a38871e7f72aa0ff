package org.civcheck.report.draft;

import java.util.List;

/**
 * A report draft as plain text, in the parts of a 公文: the title, the addressee (主送机关), an opening
 * paragraph, the numbered parts, a closing line, the line naming the appendix, the 落款 (unit and
 * date), and the appendix table. Renderers ({@link MarkdownDraft}, {@link DocxDraft}) only lay it out.
 */
public record ReportDraft(String title, String addressee, String intro, List<Part> parts, String closing,
        String appendixNote, Signature signature, Appendix appendix) {

    public ReportDraft {
        parts = List.copyOf(parts);
    }

    /** A numbered part (一、创建工作开展情况) and its sections. */
    public record Part(String title, List<Section> sections) {
        public Part {
            sections = List.copyOf(sections);
        }
    }

    /** A section: a heading such as （一）加强组织领导…, or null for paragraphs directly under the part. */
    public record Section(String heading, List<String> paragraphs) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** The 落款: who sends the report and when. */
    public record Signature(String unit, String date) {}

    /** The appendix: a label (附件), a title and a table whose first row is the column headings. */
    public record Appendix(String label, String title, List<String> columns, List<List<String>> rows) {
        public Appendix {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
