package org.civcheck.report.draft;

import java.util.List;

/**
 * A report draft as plain text: a title, an opening paragraph, and parts of sections of
 * paragraphs. Renderers ({@link MarkdownDraft}, {@link DocxDraft}) only lay it out.
 */
public record ReportDraft(String title, String intro, List<Part> parts) {

    public ReportDraft {
        parts = List.copyOf(parts);
    }

    /** A numbered part (一、创建工作开展情况) and its sections. */
    public record Part(String title, List<Section> sections) {
        public Part {
            sections = List.copyOf(sections);
        }
    }

    /** A section: a heading such as （一）思想道德建设, or null for paragraphs directly under the part. */
    public record Section(String heading, List<String> paragraphs) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }
}
