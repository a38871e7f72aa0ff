package org.civcheck.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import org.civcheck.ledger.LedgerWriter;
import org.civcheck.ledger.SubmissionReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.engine.Assessment;
import org.civcheck.report.JsonReport;
import org.civcheck.report.draft.DraftTemplateException;
import org.civcheck.report.draft.ReportDrafts;
import org.civcheck.report.table.ReviewTables;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.Page;
import org.civcheck.store.StoredAssessment;
import org.civcheck.store.StoredPackage;
import org.civcheck.web.access.Principal;

/** The JSON API: HTTP in and out only; checking and storing is the service's job. */
final class ApiController {

    private final AssessmentService service;
    private final Uploads uploads;

    ApiController(AssessmentService service, Uploads uploads) {
        this.service = service;
        this.uploads = uploads;
    }

    /**
     * POST /api/assessments — a package as JSON, zip or a multipart upload; ?dryRun=true scores
     * without storing; ?explain=true answers with the rules' explanation (always stored).
     */
    void create(Context ctx) {
        boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dryRun"));
        Principal who = AccessGate.principal(ctx);
        // The upload's room in the scoring budget is held until the answer is rendered.
        try (Uploads.Received upload = uploads.receive(ctx)) {
            // A dry run stores nothing: an author may try a package against the criteria.
            AssessmentService.Checked checked = service.check(upload, criteriaParam(ctx), asOfParam(ctx), dryRun,
                    dryRun ? unit -> who.mayRead(unit, service.register()::isWithin) : who::mayWrite);
            if (checked.stored().isEmpty()) {
                Assessment result = checked.assessment();
                ctx.status(HttpStatus.OK).json(explain(ctx) ? result : result.withExplanation(null));
                return;
            }
            StoredAssessment stored = checked.stored().get();
            ctx.status(HttpStatus.CREATED).header("Location", "/api/assessments/" + stored.id())
                    .json(document(stored, explain(ctx)));
        }
    }

    /** GET /api/assessments?unit=ID&page=1&size=20 — newest first. */
    void list(Context ctx) {
        int page = intParam(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(ctx, "size", 20, 1, 100);
        Principal who = AccessGate.principal(ctx);
        Page<AssessmentSummary> result = service.list(who.unitFilter(ctx.queryParam("unit")), who.regionFilter(), page, size);
        ctx.json(result);
    }

    /**
     * POST /api/assessments/{id}/rescore — the stored package scored again under the criteria
     * serving now, as of the same day (or ?asOf=); ?explain=true as for {@link #create}.
     */
    void rescore(Context ctx) {
        writable(ctx);
        AssessmentService.Checked checked = service.rescore(ctx.pathParam("id"), ctx.queryParam("criteria"), asOfParam(ctx))
                .orElseThrow(() -> notFound(ctx));
        StoredAssessment stored = checked.stored().orElseThrow();
        ctx.status(HttpStatus.CREATED).header("Location", "/api/assessments/" + stored.id())
                .json(document(stored, explain(ctx)));
    }

    /** GET /api/assessments/{id} — the stored result; its explanation only on ?explain=true. */
    void get(Context ctx) {
        ctx.json(document(found(ctx), explain(ctx)));
    }

    /** Whether the client asked for the rules' explanation: {@code ?explain=true}. */
    private static boolean explain(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("explain"));
    }

    /** GET /api/assessments/{id}/package — the package exactly as uploaded. */
    void downloadPackage(Context ctx) {
        found(ctx);
        StoredPackage pkg = service.findPackage(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
        boolean workbook = SubmissionReader.isWorkbook(pkg.bytes());
        String extension = workbook ? ".xlsx" : pkg.mediaType().equals("application/zip") ? ".zip" : ".json";
        ctx.contentType(workbook ? XLSX_TYPE : pkg.mediaType())
                .header("Content-Disposition", "attachment; filename=\"package-" + ctx.pathParam("id") + extension + "\"")
                .header("X-Content-SHA256", pkg.sha256())
                .result(pkg.bytes());
    }

    /** GET /api/template.xlsx?criteria=ID — the blank 台账 workbook of a set (the default set when none). */
    void template(Context ctx) {
        var set = service.criteria().current().select(criteriaParam(ctx)).orElseGet(service::assessor);
        download(ctx, LedgerWriter.template(set.vocabulary()), XLSX_TYPE, "创建台账-" + set.criteria().name() + ".xlsx");
    }

    /** GET /api/assessments/{id}/package.xlsx — the stored package as a 台账 workbook. */
    void packageWorkbook(Context ctx) {
        StoredAssessment stored = found(ctx);
        Assessment result = AssessmentService.result(stored);
        var evidence = service.evidence(stored.id()).orElseThrow(() -> new ApiException(409, "package-unreadable",
                "无法生成台账", "保存的证据包按现行规则已无法读取，请重新上传"));
        var set = service.criteria().current().select(result.criteria().id()).orElseGet(service::assessor);
        download(ctx, LedgerWriter.export(evidence, set.vocabulary()), XLSX_TYPE,
                "创建台账-" + result.unit().id() + "-" + stored.createdAt().toLocalDate() + ".xlsx");
    }

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** GET /assessments/{id}/todo.ics — the to-do list of a check made before the period's end, as a calendar. */
    void todoCalendar(Context ctx) {
        Assessment result = AssessmentService.result(found(ctx));
        if (!result.isPartial()) {
            throw new ApiException(404, "not-found", "没有待办事项日历", "这次检查的是整个评估期，没有待办事项；年中检查时可选择检查日期");
        }
        try {
            download(ctx, org.civcheck.report.TodoCalendar.ics(result), "text/calendar; charset=utf-8",
                    org.civcheck.report.TodoCalendar.fileName(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET /api/assessments/{id}/table.xlsx and table.csv — the 复查表 for the inspectors. */
    void table(Context ctx) {
        String format = ctx.pathParam("format");
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new ApiException(404, "not-found", "找不到该文件", "复查表只有 table.xlsx 和 table.csv 两种格式");
        }
        StoredAssessment stored = found(ctx);
        Assessment result = AssessmentService.result(stored);
        var criteria = service.criteriaOf(result);
        boolean xlsx = format.equals("xlsx");
        byte[] bytes = xlsx ? ReviewTables.xlsx(result, criteria) : ReviewTables.csv(result, criteria);
        download(ctx, bytes, xlsx ? ReviewTables.XLSX_TYPE : ReviewTables.CSV_TYPE, ReviewTables.fileName(result, format));
    }

    /** GET /api/assessments/{id}/report.docx and report.md — the 自查报告 draft to edit. */
    void report(Context ctx) {
        String format = ctx.pathParam("format");
        if (!format.equals("docx") && !format.equals("md")) {
            throw new ApiException(404, "not-found", "找不到该文件", "自查报告草稿只有 report.docx 和 report.md 两种格式");
        }
        StoredAssessment stored = found(ctx);
        Assessment result = AssessmentService.result(stored);
        var evidence = service.evidence(stored.id()).orElseThrow(() -> new ApiException(409, "package-unreadable",
                "无法生成草稿", "保存的证据包按现行规则已无法读取，请重新上传后再生成"));
        var criteria = service.criteriaOf(result);
        java.nio.file.Path folder = service.criteria().folderOf(criteria.id()).orElse(null);
        String name = org.civcheck.report.FileNames.of("自查报告", result.unit().name(), stored.createdAt().toLocalDate(), format);
        try {
            if (format.equals("docx")) {
                download(ctx, ReportDrafts.docx(result, evidence, criteria, folder), DOCX_TYPE, name);
            } else {
                download(ctx, ReportDrafts.markdown(result, evidence, criteria, folder)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/markdown; charset=utf-8", name);
            }
        } catch (DraftTemplateException e) {
            throw new ApiException(500, "draft-template", "报告模板有误", String.join("；", e.faults()));
        }
    }

    static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** Sends a file to save, its Chinese name encoded as RFC 6266 asks. */
    static void download(Context ctx, byte[] bytes, String contentType, String fileName) {
        String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        ctx.contentType(contentType)
                .header("Content-Disposition", "attachment; filename=\"download." + extension(fileName)
                        + "\"; filename*=UTF-8''" + encoded)
                .result(bytes);
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "bin" : fileName.substring(dot + 1);
    }

    void delete(Context ctx) {
        writable(ctx);
        if (!service.delete(ctx.pathParam("id"))) {
            throw notFound(ctx);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** GET /api/criteria — every criteria set served, the default first, each with the hash its results record. */
    void criteria(Context ctx) {
        CriteriaRegistry.Generation g = service.criteria().current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", g.defaultId());
        body.put("loadedAt", g.loadedAt().toString());
        body.put("sets", sets(g));
        ctx.json(body);
    }

    /** GET /api/criteria/status — what serves, and whether the last reload worked (with every problem if not). */
    void criteriaStatus(Context ctx) {
        ctx.json(status(service.criteria().status()));
    }

    /** POST /api/criteria/reload — rebuild now; a failed rebuild is a 422 listing its problems, the old sets still serve. */
    void reloadCriteria(Context ctx) {
        if (!AccessGate.principal(ctx).isAuthor()) {
            throw new ApiException(403, "forbidden", "无权执行该操作", "只有作者令牌可以重新加载测评体系");
        }
        CriteriaRegistry.Attempt attempt = service.criteria().reload();
        if (!attempt.ok()) {
            List<Problem.Fault> faults = attempt.problems().stream()
                    .map(p -> new Problem.Fault(p.line() > 0 ? p.file() + ":" + p.line() : p.file(), p.message()))
                    .toList();
            throw new ReloadFailedException(faults);
        }
        ctx.json(status(service.criteria().status()));
    }

    /** The reload failed: the sets serving before still serve. */
    static final class ReloadFailedException extends RuntimeException {
        final List<Problem.Fault> faults;

        ReloadFailedException(List<Problem.Fault> faults) {
            super("测评体系有 " + faults.size() + " 处问题，未更新，仍使用原版本");
            this.faults = faults;
        }
    }

    static Map<String, Object> status(CriteriaRegistry.Status status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.ok() ? "ok" : "failed");
        CriteriaRegistry.Generation g = status.serving();
        if (g != null) {
            body.put("generation", g.number());
            body.put("loadedAt", g.loadedAt().toString());
            body.put("default", g.defaultId());
            body.put("sets", sets(g));
        }
        CriteriaRegistry.Attempt a = status.lastAttempt();
        if (a != null) {
            Map<String, Object> attempt = new LinkedHashMap<>();
            attempt.put("at", a.at().toString());
            attempt.put("ok", a.ok());
            attempt.put("problems", a.problems().stream().map(CriteriaProblem::toString).toList());
            attempt.put("warnings", a.warnings());
            body.put("lastAttempt", attempt);
        }
        return body;
    }

    /** The sets of a generation, the default first, then by id. */
    private static List<Map<String, Object>> sets(CriteriaRegistry.Generation g) {
        List<Map<String, Object>> sets = new ArrayList<>();
        List<String> ids = new ArrayList<>(g.sets().keySet());
        ids.remove(g.defaultId());
        ids.add(0, g.defaultId());
        for (String id : ids) {
            Assessor assessor = g.sets().get(id);
            CriteriaSet c = assessor.criteria();
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("id", c.id());
            set.put("name", c.name());
            set.put("version", c.version());
            set.put("sha256", assessor.sha256());
            set.put("default", id.equals(g.defaultId()));
            set.put("maxScore", c.maxScore());
            set.put("passScore", c.passScore());
            set.put("atRiskMargin", c.atRiskMargin());
            set.put("categories", c.categories().size());
            set.put("indicators", c.indicators().size());
            sets.add(set);
        }
        return sets;
    }

    void health(Context ctx) {
        boolean db = service.isStoreReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db ? "ok" : "degraded");
        body.put("database", db ? "ok" : "unreachable");
        CriteriaSet c = service.assessor().criteria();
        body.put("criteria", c.id() + " " + c.version());
        body.put("criteriaReload", service.criteria().status().ok() ? "ok" : "failed");
        // Instances on one database score with the same criteria: one whose files differ says so here.
        body.put("criteriaSha256", service.criteria().current().sha256());
        java.util.Optional<String> outOfStep = service.outOfStep();
        body.put("criteriaInForce", outOfStep.isPresent() ? "mismatch" : "ok");
        outOfStep.ifPresent(reason -> body.put("criteriaProblem", reason));
        boolean ok = db && outOfStep.isEmpty();
        if (!ok) {
            body.put("status", "degraded");
        }
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    /**
     * The stored assessment: the result of the contract, plus where and when it was stored; its
     * {@code explain} (always stored with results checked since it was added) only when asked.
     */
    static JsonNode document(StoredAssessment stored, boolean explain) {
        ObjectNode doc = JsonReport.mapper().createObjectNode();
        doc.put("id", stored.id());
        doc.put("createdAt", stored.createdAt().toString());
        ObjectNode pkg = doc.putObject("package");
        pkg.put("sha256", stored.packageSha256());
        pkg.put("size", stored.packageSize());
        pkg.put("mediaType", stored.packageMediaType());
        pkg.put("name", stored.packageName());
        pkg.put("href", "/api/assessments/" + stored.id() + "/package");
        doc.put("page", "/assessments/" + stored.id());
        try {
            doc.setAll((ObjectNode) JsonReport.mapper().readTree(stored.resultJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!explain) {
            doc.remove("explain");
        }
        return doc;
    }

    /** The criteria set asked for: {@code ?criteria=} or, in a form upload, the field {@code criteria}; null for the default. */
    static String criteriaParam(Context ctx) {
        String id = ctx.queryParam("criteria");
        if ((id == null || id.isBlank()) && ctx.isMultipartFormData()) {
            id = ctx.formParam("criteria");
        }
        return id == null || id.isBlank() ? null : id.trim();
    }

    /**
     * The day to check the package as of: {@code ?asOf=2025-06-30} or, in a form upload, the field
     * {@code asOf} (the upload page's 检查日期); null when not given.
     */
    static java.time.LocalDate asOfParam(Context ctx) {
        String v = ctx.queryParam("asOf");
        if ((v == null || v.isBlank()) && ctx.isMultipartFormData()) {
            v = ctx.formParam("asOf");
        }
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(v.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(400, "bad-parameter", "检查日期有误",
                    "检查日期应写成 年-月-日，如 2025-06-30，收到“" + v + "”");
        }
    }

    /** The stored assessment of the path's id, if the caller may see it: another unit's is "not found" too. */
    private StoredAssessment found(Context ctx) {
        return visible(service, ctx);
    }

    static StoredAssessment visible(AssessmentService service, Context ctx) {
        return service.find(ctx.pathParam("id"))
                .filter(s -> AccessGate.principal(ctx).mayRead(s.summary().unitId(), service.register()::isWithin))
                .orElseThrow(() -> notFound(ctx));
    }

    /** As {@link #found}, and the caller may change it: an author reads every unit's, writes none. */
    private StoredAssessment writable(Context ctx) {
        StoredAssessment stored = found(ctx);
        if (!AccessGate.principal(ctx).mayWrite(stored.summary().unitId())) {
            throw new ApiException(403, "forbidden", "无权执行该操作", "作者和文明办的令牌只能查看评估记录，不能重新评分或删除；请用该单位的令牌操作");
        }
        return stored;
    }

    static ApiException notFound(Context ctx) {
        return new ApiException(404, "not-found", "找不到该评估记录", "该检查记录不存在，或已被删除");
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad-parameter", "参数有误",
                    "参数 " + name + " 应为 " + min + " 到 " + max + " 之间的整数，收到“" + v + "”");
        }
    }
}
