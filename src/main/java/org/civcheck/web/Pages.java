package org.civcheck.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.InputProblem;
import org.civcheck.report.page.Formats;
import org.civcheck.report.page.ResultsPage;
import org.civcheck.report.page.ScoreHistory;
import org.civcheck.report.page.UploadPage;
import org.civcheck.report.page.Vocabulary;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.StoredAssessment;

/**
 * Renders the pages from the precompiled jte templates (HTML-escaped by default). The view
 * models come from {@code org.civcheck.report.page}; this class only maps web and store types
 * onto them.
 */
public final class Pages {

    private final TemplateEngine engine;
    private final Function<String, CriteriaSet> criteria;
    /** Whether the visitor came in through the login page: the header then offers 退出登录. */
    private final boolean signedIn;

    /** Pages without criteria: the results page then names activity types by their ids. */
    public Pages() {
        this(() -> null);
    }

    /** Pages that take activity-type names and page thresholds from the criteria serving now. */
    public Pages(Supplier<CriteriaSet> criteria) {
        this((String id) -> criteria.get());
    }

    private Pages(Function<String, CriteriaSet> criteria) {
        this(TemplateEngine.createPrecompiled(ContentType.Html), criteria, false);
    }

    private Pages(TemplateEngine engine, Function<String, CriteriaSet> criteria, boolean signedIn) {
        this.engine = engine;
        this.criteria = criteria;
        this.signedIn = signedIn;
    }

    /**
     * These pages for a visitor signed in through the login page ({@code true}: the header has a
     * 退出登录 button) or not (a bearer token, or the open service without access control).
     */
    public Pages signedIn(boolean signedIn) {
        return signedIn == this.signedIn ? this : new Pages(engine, criteria, signedIn);
    }

    /**
     * Pages whose results page takes names and thresholds from the set that scored the result
     * ({@code criteria} gets its id and gives the set serving now under that id, or a fallback).
     */
    public static Pages bySetId(Function<String, CriteriaSet> criteria) {
        return new Pages(criteria);
    }

    /** The upload page: examples, recent assessments, and the faults of a refused upload (empty otherwise). */
    public String index(List<Examples.Example> examples, List<AssessmentSummary> recent, CriteriaSet criteria,
            List<InputProblem> faults) {
        return index(examples, recent, criteria, List.of(), null, faults);
    }

    /**
     * The upload page with a choice of criteria sets (shown when there are several; {@code criteria}
     * is the default) and, when {@code failedReload} is not null, the problems of the last reload.
     */
    public String index(List<Examples.Example> examples, List<AssessmentSummary> recent, CriteriaSet criteria,
            List<CriteriaSet> sets, CriteriaRegistry.Attempt failedReload, List<InputProblem> faults) {
        UploadPage page = UploadPage.of(criteria == null ? null : criteria.name(),
                criteria == null ? null : criteria.version(), criteria == null ? 0 : criteria.passScore(),
                criteria == null ? 0 : criteria.maxScore(),
                examples.stream().map(e -> new UploadPage.ExampleInput(e.file(), e.baseName(), e.unitName(),
                        e.bytes())).toList(),
                recent.stream().map(r -> new UploadPage.RecentInput(r.id(), r.unitName(), r.createdAt(), r.verdict(),
                        r.score(), r.maxScore())).toList(),
                faults.stream().map(f -> new UploadPage.Fault(f.path(), f.message())).toList())
                .withCriteria(sets.stream().map(s -> new UploadPage.CriteriaChoice(s.id(),
                                s.name() + "（" + s.version() + "）", criteria != null && s.id().equals(criteria.id())))
                                .toList(),
                        failedReload == null ? null : new UploadPage.ReloadFailure(
                                failedReload.at().atOffset(java.time.ZoneOffset.UTC),
                                failedReload.problems().stream().map(Object::toString).toList()));
        return render("index.jte", "page", page);
    }

    /** The results page of a stored assessment; {@code evidence} and {@code previous} may be null. */
    public String assessment(StoredAssessment stored, Assessment result, EvidencePackage evidence,
            List<AssessmentSummary> history, Assessment previous) {
        List<ScoreHistory.Entry> entries = history.stream()
                .map(h -> new ScoreHistory.Entry(h.id(), h.createdAt(), h.score(), h.maxScore(), h.verdict(), h.asOf(),
                        h.progressVerdict())).toList();
        String previousWhen = previous == null ? null : history.stream()
                .filter(h -> h.createdAt().isBefore(stored.createdAt()))
                .findFirst().map(h -> Formats.dateTime(h.createdAt())).orElse(null);
        ResultsPage page = ResultsPage.of(new ResultsPage.Source(stored.id(), stored.createdAt(), stored.packageName(),
                stored.packageSize()), result, evidence, entries, previous, previousWhen, Vocabulary.of(criteria.apply(result.criteria() == null ? null : result.criteria().id())));
        return render("assessment.jte", "page", page);
    }

    /**
     * The results page of an example checked and not stored ({@code evidence} may be null): the
     * same page without downloads, history or deletion, saying it was not kept.
     */
    public String example(Assessment result, EvidencePackage evidence, String packageName, long packageSize) {
        ResultsPage page = ResultsPage.of(new ResultsPage.Source(null, java.time.OffsetDateTime.now(), packageName,
                packageSize), result, evidence, List.of(), null, null,
                Vocabulary.of(criteria.apply(result.criteria() == null ? null : result.criteria().id())));
        return render("assessment.jte", "page", page);
    }

    /** The 文明办's overview of its units. */
    public String overview(org.civcheck.overview.OverviewView view) {
        return render("overview.jte", "view", view);
    }

    /** An error page: the status, a title and a sentence of detail, with a way back home. */
    public String error(int status, String title, String detail) {
        return render("error.jte", "view", new ErrorView(status, title, detail));
    }

    /** The page a typed {@code GET /logout} shows: it asks before logging out, with the POST form. */
    public String logout() {
        return render("logout.jte", null, null);
    }

    /**
     * The login page: its form posts the token and {@code next} (the page to return to; anything but
     * a local path becomes {@code /}), under one of the fixed notices.
     */
    public String login(String next, LoginNotice notice) {
        return render("login.jte", "view", new LoginView(AccessGate.safeNext(next), notice));
    }

    /** The page after deleting an assessment: whose check of when is gone. */
    public String deleted(String unitName, java.time.OffsetDateTime createdAt) {
        return render("deleted.jte", "view", new DeletedView(unitName, Formats.dateTime(createdAt)));
    }

    /** The re-scoring page: the set in force and the runs so far. */
    public String rescores(List<RescoreReport.Line> runs) {
        CriteriaSet set = criteria.apply(null);
        String name = set == null ? "默认体系" : set.name() + "（" + set.version() + "）";
        return render("rescores.jte", "view", new RescoresView(name, runs.stream().map(r -> new RescoresView.Run(r.id(),
                Formats.dateTime(r.startedAt()), setName(r.criteriaId()), r.total(), r.percent(), r.finishedAt() != null))
                .toList()));
    }

    /** The name of the set {@code id} as served now; the id itself when that set no longer serves. */
    private String setName(String id) {
        CriteriaSet set = criteria.apply(id);
        return set != null && set.id().equals(id) ? set.name() : id;
    }

    /** One re-scoring run: its progress, then the units whose verdict changed. */
    public String rescore(RescoreReport report) {
        return render("rescore.jte", "view", new RescoreView(report.id(), Formats.dateTime(report.startedAt()),
                report.finishedAt() == null ? null : Formats.dateTime(report.finishedAt()), setName(report.criteriaId()),
                report.total(),
                report.done(), report.percent(), report.finished(), report.summary(), report.transitions(),
                report.changes().stream().map(c -> new RescoreView.Change(c.assessment(), c.unitName(), c.beforeName(),
                        c.afterName(), Formats.points(c.beforeScore()), Formats.points(c.afterScore()), c.better()))
                        .toList(), report.failures()));
    }

    /** What the re-scoring page shows. */
    public record RescoresView(String criteria, List<Run> runs) {
        /** A run in the list. */
        public record Run(String id, String started, String criteria, int total, int percent, boolean finished) {}
    }

    /** What a run's page shows. */
    public record RescoreView(String id, String started, String finishedAt, String criteria, int total, int done,
            int percent, boolean finished, String summary, List<RescoreReport.Transition> transitions,
            List<Change> changes, List<RescoreReport.Failure> failures) {
        /** A unit whose verdict changed, its scores as the pages write them. */
        public record Change(String assessment, String unitName, String beforeName, String afterName,
                String beforeScore, String afterScore, boolean better) {}
    }

    /** What the page after a deletion shows. */
    public record DeletedView(String unitName, String when) {}

    /** What the error page shows. */
    public record ErrorView(int status, String title, String detail) {}

    /** What the login page shows: where to go after logging in, and which notice. */
    public record LoginView(String next, LoginNotice notice) {}

    /** The fixed sentence above the login form; never text from the request. */
    public enum LoginNotice {
        /** A first visit: no notice. */
        NONE,
        /** The posted token was not valid: 令牌无效. */
        TOKEN_REJECTED,
        /** The visitor has just logged out: 已退出登录. */
        LOGGED_OUT
    }

    /** Renders {@code template} with its model (as {@code param}, if any) and whether the visitor is signed in. */
    private String render(String template, String param, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, param == null ? Map.of("signedIn", signedIn) : Map.of(param, model, "signedIn", signedIn), out);
        return out.toString();
    }
}
