package org.civcheck.report.draft;

import java.nio.file.Path;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.EvidencePackage;

/**
 * The self-check report draft (自查报告) of one assessment, in the wording of {@code report.yaml} in the
 * criteria folder (built-in wording when it has none).
 *
 * <pre>{@code
 * String md = ReportDrafts.markdown(assessment, reading.evidence(), assessor.criteria(), criteriaDir);
 * Files.write(Path.of("自查报告.docx"), ReportDrafts.docx(assessment, reading.evidence(), assessor.criteria(), criteriaDir));
 * }</pre>
 *
 * All three throw {@link DraftTemplateException} when {@code report.yaml} is faulty.
 */
public final class ReportDrafts {

    private ReportDrafts() {}

    /** The draft as a model, for callers that lay it out themselves. */
    public static ReportDraft draft(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, Path criteriaDir) {
        return new DraftBuilder(DraftTemplates.load(criteriaDir)).build(assessment, pkg, criteria);
    }

    /** The draft as Markdown. */
    public static String markdown(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, Path criteriaDir) {
        return MarkdownDraft.render(draft(assessment, pkg, criteria, criteriaDir));
    }

    /** The draft as the bytes of a .docx file. */
    public static byte[] docx(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, Path criteriaDir) {
        return DocxDraft.render(draft(assessment, pkg, criteria, criteriaDir));
    }
}
