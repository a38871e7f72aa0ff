package org.civcheck.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.InputProblem;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.StoredAssessment;

/** The pages: the upload page, example checks, and the results page. */
final class PageController {

    private static final int HISTORY = 20;

    private final AssessmentService service;
    private final Examples examples;
    private final Pages pages;
    private final Uploads uploads;

    PageController(AssessmentService service, Examples examples, Pages pages, Uploads uploads) {
        this.service = service;
        this.examples = examples;
        this.pages = pages;
        this.uploads = uploads;
    }

    void index(Context ctx) {
        ctx.html(indexPage(ctx, List.of()));
    }

    /** POST /assessments — the page's form upload; a refused package shows its faults on the upload page. */
    void upload(Context ctx) {
        try (Uploads.Received upload = uploads.receive(ctx)) {
            String criteriaId = ApiController.criteriaParam(ctx);
            java.time.LocalDate asOf = ApiController.asOfParam(ctx);
            show(ctx, () -> service.check(upload, criteriaId, asOf, false, AccessGate.principal(ctx)::mayWrite));
        }
    }

    /** POST /examples/{file} — check one of the example packages. */
    void example(Context ctx) {
        check(ctx, ctx.pathParam("file"));
    }

    /** POST /examples/workbooks/{file} — check one of the example workbooks, as an upload of it would be. */
    void exampleWorkbook(Context ctx) {
        check(ctx, Examples.WORKBOOKS + "/" + ctx.pathParam("file"));
    }

    /** GET /examples/{file} — download one of the example packages, to see what a filled one looks like. */
    void downloadExample(Context ctx) {
        download(ctx, ctx.pathParam("file"));
    }

    /** GET /examples/workbooks/{file} — download one of the example workbooks. */
    void downloadExampleWorkbook(Context ctx) {
        download(ctx, Examples.WORKBOOKS + "/" + ctx.pathParam("file"));
    }

    /**
     * Checks an example as an upload of its file would be. Without access control the result is
     * stored as any other; with it, an example is nobody's unit: its result is shown, not stored.
     */
    private void check(Context ctx, String file) {
        Examples.Example example = found(file);
        byte[] bytes = examples.read(example).orElseThrow(() -> notFound(file));
        java.time.LocalDate asOf = ApiController.asOfParam(ctx);
        String criteriaId = ApiController.criteriaParam(ctx);
        if (AccessGate.principal(ctx).isOpen()) {
            show(ctx, () -> service.check(bytes, example.liaisonName(), criteriaId, asOf, false, unit -> true));
            return;
        }
        try {
            AssessmentService.Checked checked = service.check(bytes, example.liaisonName(), criteriaId, asOf, true,
                    unit -> true);
            ctx.html(pages.signedIn(AccessGate.signedIn(ctx))
                    .example(checked.assessment(), checked.evidence(), example.liaisonName(), bytes.length));
        } catch (PackageRejectedException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(indexPage(ctx, e.faults()));
        }
    }

    private void download(Context ctx, String file) {
        Examples.Example example = found(file);
        byte[] bytes = examples.read(example).orElseThrow(() -> notFound(file));
        String type = example.workbook() ? ApiController.XLSX_TYPE
                : file.endsWith(".zip") ? "application/zip" : "application/json";
        ApiController.download(ctx, bytes, type, example.liaisonName());
    }

    private Examples.Example found(String file) {
        return examples.find(file).orElseThrow(() -> notFound(file));
    }

    private static ApiException notFound(String file) {
        return new ApiException(404, "not-found", "找不到示例", "没有名为 " + file + " 的示例证据包");
    }

    void assessment(Context ctx) {
        String id = ctx.pathParam("id");
        StoredAssessment stored = ApiController.visible(service, ctx);
        Assessment result = AssessmentService.result(stored);
        List<AssessmentSummary> history = service.list(stored.summary().unitId(), 1, HISTORY).items();
        Assessment previous = history.stream()
                .filter(h -> h.createdAt().isBefore(stored.createdAt()))
                .findFirst()
                .flatMap(h -> service.find(h.id()))
                .map(AssessmentService::result)
                .orElse(null);
        ctx.html(pages.signedIn(AccessGate.signedIn(ctx))
                .assessment(stored, result, service.evidence(id).orElse(null), history, previous));
    }

    /**
     * POST /assessments/{id}/delete — the results page's 删除 button (the page asks first): deletes
     * one's own assessment and its package, as {@code DELETE /api/assessments/{id}} does.
     */
    void delete(Context ctx) {
        StoredAssessment stored = ApiController.visible(service, ctx);
        if (!AccessGate.principal(ctx).mayWrite(stored.summary().unitId())) {
            throw new ApiException(403, "forbidden", "无权删除", "作者和文明办的令牌只能查看自查记录，不能删除；请用该单位的令牌登录后操作");
        }
        if (!service.delete(stored.id())) {
            throw ApiController.notFound(ctx);
        }
        ctx.html(pages.signedIn(AccessGate.signedIn(ctx)).deleted(stored.summary().unitName(), stored.createdAt()));
    }

    /** Shows the stored result, or the upload page with the faults of a refused package. */
    private void show(Context ctx, java.util.function.Supplier<AssessmentService.Checked> check) {
        try {
            StoredAssessment stored = check.get().stored().orElseThrow();
            ctx.redirect("/assessments/" + stored.id(), HttpStatus.SEE_OTHER);
        } catch (PackageRejectedException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(indexPage(ctx, e.faults()));
        }
    }

    private String indexPage(Context ctx, List<InputProblem> faults) {
        CriteriaRegistry.Status status = service.criteria().status();
        CriteriaRegistry.Generation serving = status.serving();
        List<CriteriaSet> sets = new java.util.ArrayList<>(List.of(serving.defaultSet().criteria()));
        serving.sets().values().stream().map(Assessor::criteria).filter(c -> !c.id().equals(serving.defaultId()))
                .forEach(sets::add);
        return pages.signedIn(AccessGate.signedIn(ctx)).index(examples.list(),
                service.list(AccessGate.principal(ctx).unitFilter(null), AccessGate.principal(ctx).regionFilter(), 1, 10).items(), serving.defaultSet().criteria(), sets,
                status.ok() ? null : status.lastAttempt(), faults);
    }
}
