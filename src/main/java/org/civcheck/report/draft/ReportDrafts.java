package org.civcheck.report.draft;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.EvidencePackage;

/**
 * The self-check report draft (自查报告) of one assessment, in the wording of {@code report.yaml} in the
 * criteria folder (built-in wording when it has none), dated the day it is made (China time).
 *
 * <pre>{@code
 * String md = ReportDrafts.markdown(assessment, reading.evidence(), assessor.criteria(), criteriaDir);
 * Files.write(Path.of("自查报告.docx"), ReportDrafts.docx(assessment, reading.evidence(), assessor.criteria(), criteriaDir));
 * }</pre>
 *
 * All throw {@link DraftTemplateException} when {@code report.yaml} is faulty.
 */
public final class ReportDrafts {

    /** The zone of the 落款's date. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ReportDrafts() {}

    /** The draft as a model, dated today, for callers that lay it out themselves. */
    public static ReportDraft draft(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, Path criteriaDir) {
        return draft(assessment, pkg, criteria, criteriaDir, LocalDate.now(CHINA));
    }

    /** The draft as a model, dated {@code signed}. */
    public static ReportDraft draft(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, Path criteriaDir,
            LocalDate signed) {
        return new DraftBuilder(DraftTemplates.load(criteriaDir)).build(assessment, pkg, criteria, signed);
    }

    /** The draft as Markdown, every text from the package escaped. */
    public static String markdown(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, Path criteriaDir) {
        return MarkdownDraft.render(draft(assessment, pkg, criteria, criteriaDir));
    }

    /** The draft as the bytes of a .docx file laid out as a 公文. */
    public static byte[] docx(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, Path criteriaDir) {
        return DocxDraft.render(draft(assessment, pkg, criteria, criteriaDir));
    }
}
