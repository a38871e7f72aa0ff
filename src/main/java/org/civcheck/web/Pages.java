package org.civcheck.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.InputProblem;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.StoredAssessment;

/** Renders the pages from the precompiled jte templates (HTML-escaped by default). */
public final class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** The upload page: examples, recent assessments, and the faults of a refused upload (empty otherwise). */
    public String index(List<Examples.Example> examples, List<AssessmentSummary> recent, CriteriaSet criteria,
            List<InputProblem> faults) {
        return render("index.jte", new IndexView(examples, recent, criteria, faults));
    }

    /** The results page of a stored assessment; {@code evidence} and {@code previous} may be null. */
    public String assessment(StoredAssessment stored, Assessment result, EvidencePackage evidence,
            List<AssessmentSummary> history, Assessment previous) {
        return render("assessment.jte", new ResultsView(stored, result, evidence, history, previous));
    }

    public String error(int status, String title, String detail) {
        return render("error.jte", new ErrorView(status, title, detail));
    }

    /** What the upload page shows. */
    public record IndexView(List<Examples.Example> examples, List<AssessmentSummary> recent, CriteriaSet criteria,
            List<InputProblem> faults) {}

    /** What the results page shows. */
    public record ResultsView(StoredAssessment stored, Assessment result, EvidencePackage evidence,
            List<AssessmentSummary> history, Assessment previous) {}

    public record ErrorView(int status, String title, String detail) {}

    private String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
