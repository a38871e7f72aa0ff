package org.civcheck.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civcheck.engine.CriteriaFaultException;
import org.civcheck.report.JsonReport;
import org.civcheck.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app, unstarted: every route in {@link #routes}, one exception mapper per
 * domain exception. Tests start it on a random port.
 *
 * <pre>{@code
 * Javalin app = WebApp.create(service, examples, maxPackageBytes).start("127.0.0.1", 7070);
 * }</pre>
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    /** How long stopping waits for requests in flight before it closes their connections. */
    public static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(5);

    private WebApp() {}

    public static Javalin create(AssessmentService service, Examples examples, long maxPackageBytes) {
        return create(service, examples, maxPackageBytes, null);
    }

    /**
     * The app with access control from {@code access} (tokens for the API, a login for the pages);
     * without it ({@code null}) everything is open, as on loopback before access control existed.
     * Cross-site posting is refused either way.
     */
    public static Javalin create(AssessmentService service, Examples examples, long maxPackageBytes,
            org.civcheck.web.access.Access access) {
        return create(service, examples, maxPackageBytes, access, ServerLimits.defaults(),
                e -> LOG.error("unrecoverable failure; this process should be restarted", e));
    }

    /**
     * As {@link #create(AssessmentService, Examples, long, org.civcheck.web.access.Access)}, with
     * {@code limits} on clients; {@code onFatal} is told of a failure the process cannot recover from
     * (an {@code OutOfMemoryError}, a failed embedded database: {@link StoreException#unrecoverable()}).
     */
    public static Javalin create(AssessmentService service, Examples examples, long maxPackageBytes,
            org.civcheck.web.access.Access access, ServerLimits limits, java.util.function.Consumer<Throwable> onFatal) {
        return create(service, examples, maxPackageBytes, access, limits, onFatal, null);
    }

    /**
     * As above, with the background re-scoring of every unit ({@code rescores}; null: the service
     * has none, and its routes answer 404).
     */
    public static Javalin create(AssessmentService service, Examples examples, long maxPackageBytes,
            org.civcheck.web.access.Access access, ServerLimits limits, java.util.function.Consumer<Throwable> onFatal,
            Rescores rescores) {
        AccessGate gate = new AccessGate(access);
        Uploads uploads = new Uploads(service.limiter(), maxPackageBytes, limits);
        ApiController api = new ApiController(service, uploads);
        Pages views = Pages.bySetId(id -> {
            var generation = service.criteria().current();
            return generation.select(id).orElse(generation.defaultSet()).criteria();
        });
        PageController pages = new PageController(service, examples, views, uploads);
        OverviewController overview = new OverviewController(service, new Pages());
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(JsonReport.mapper(), false));
            // Bodies read by Javalin itself (the login form) stay small; uploads are read by Uploads.
            config.http.maxRequestSize = 64 * 1024;
            config.jetty.multipartConfig.maxFileSize(maxPackageBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxPackageBytes + Uploads.MULTIPART_OVERHEAD, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(Uploads.FORM_IN_MEMORY, SizeUnit.BYTES);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(limits.idleTimeout().toMillis());
                http.setMinRequestDataRate(limits.minRequestDataRate());
            });
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT.toMillis()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            if (!gate.enabled()) {
                // Open on loopback: only the machine's own browser pages may reach it.
                config.routes.before(LoopbackGuard::check);
            }
            config.routes.before(SecurityHeaders::add);
            config.routes.before(gate::before);
            if (gate.enabled()) {
                config.routes.get("/login", gate::loginPage);
                config.routes.post("/login", gate::login);
                config.routes.get("/logout", gate::logoutPage);
                config.routes.post("/logout", gate::logout);
            }
            routes(config, api, pages);
            overviewRoutes(config, overview);
            if (rescores != null) {
                RescoreController jobs = new RescoreController(rescores, views);
                config.routes.post("/api/rescores", jobs::start);
                config.routes.get("/api/rescores", jobs::list);
                config.routes.get("/api/rescores/{id}", jobs::get);
                config.routes.get("/rescores", jobs::page);
                config.routes.post("/rescores", jobs::startFromPage);
                config.routes.get("/rescores/{id}", jobs::runPage);
            }
            errors(config, onFatal);
        });
    }

    private static void routes(io.javalin.config.JavalinConfig config, ApiController api, PageController pages) {
        config.routes.get("/health", api::health);
        config.routes.get("/api/criteria", api::criteria);
        config.routes.get("/api/criteria/status", api::criteriaStatus);
        config.routes.post("/api/criteria/reload", api::reloadCriteria);
        config.routes.post("/api/assessments", api::create);
        config.routes.get("/api/assessments", api::list);
        config.routes.get("/api/assessments/{id}", api::get);
        config.routes.delete("/api/assessments/{id}", api::delete);
        config.routes.post("/api/assessments/{id}/rescore", api::rescore);
        config.routes.get("/api/assessments/{id}/package", api::downloadPackage);
        config.routes.get("/api/assessments/{id}/package.xlsx", api::packageWorkbook);
        config.routes.get("/assessments/{id}/package.xlsx", api::packageWorkbook);
        config.routes.get("/api/template.xlsx", api::template);
        config.routes.get("/template.xlsx", api::template);
        config.routes.get("/api/assessments/{id}/table.{format}", api::table);
        config.routes.get("/assessments/{id}/table.{format}", api::table);
        config.routes.get("/api/assessments/{id}/todo.ics", api::todoCalendar);
        config.routes.get("/assessments/{id}/todo.ics", api::todoCalendar);
        config.routes.get("/api/assessments/{id}/report.{format}", api::report);
        config.routes.get("/assessments/{id}/report.{format}", api::report);

        config.routes.get("/", pages::index);
        config.routes.post("/assessments", pages::upload);
        config.routes.post("/assessments/{id}/delete", pages::delete);
        config.routes.post("/examples/{file}", pages::example);
        config.routes.post("/examples/workbooks/{file}", pages::exampleWorkbook);
        config.routes.get("/examples/{file}", pages::downloadExample);
        config.routes.get("/examples/workbooks/{file}", pages::downloadExampleWorkbook);
        config.routes.get("/assessments/{id}", pages::assessment);
        config.routes.get("/assessments/{id}/package", api::downloadPackage);
    }

    private static void overviewRoutes(io.javalin.config.JavalinConfig config, OverviewController overview) {
        config.routes.get("/overview", overview::page);
        config.routes.get("/overview.xlsx", overview::export);
        config.routes.get("/api/overview", overview::api);
        config.routes.get("/api/overview.xlsx", overview::export);
        config.routes.get("/api/regions", overview::regions);
        config.routes.post("/api/units/import", overview::importRegister);
    }

    private static void errors(io.javalin.config.JavalinConfig config, java.util.function.Consumer<Throwable> onFatal) {
        config.router.javaLangErrorHandler((res, error) -> {
            if (error instanceof OutOfMemoryError) {
                onFatal.accept(error);
            }
            LOG.error("unexpected error", error);
            res.setStatus(500);
        });
        config.routes.exception(PackageRejectedException.class, (e, ctx) -> {
            List<Problem.Fault> faults = e.faults().stream().map(f -> new Problem.Fault(f.path(), f.message())).toList();
            problem(ctx, new Problem("/problems/invalid-package", "证据包不符合格式要求", 422,
                    "证据包有 " + faults.size() + " 处问题，未保存任何内容", faults));
        });
        config.routes.exception(UnknownCriteriaSetException.class, (e, ctx) -> problem(ctx,
                Problem.of("unknown-criteria", "没有该测评体系", 422, e.getMessage())));
        config.routes.exception(ApiController.ReloadFailedException.class, (e, ctx) -> problem(ctx,
                new Problem("/problems/criteria-reload-failed", "测评体系重新加载失败", 422, e.getMessage(), e.faults)));
        config.routes.exception(CriteriaOutOfStepException.class, (e, ctx) -> {
            ctx.header("Retry-After", "30");
            problem(ctx, Problem.of("criteria-out-of-step", "测评体系版本不一致，暂停评分", 503,
                    e.getMessage() + "；本次请求未保存任何内容"));
        });
        config.routes.exception(OverviewController.RegisterRejectedException.class, (e, ctx) -> problem(ctx,
                new Problem("/problems/invalid-register", "单位名册不符合格式要求", 422, e.getMessage(), e.faults)));
        config.routes.exception(ApiException.class,
                (e, ctx) -> problem(ctx, Problem.of(e.type, e.title, e.status, e.getMessage())));
        config.routes.exception(ServiceBusyException.class, (e, ctx) -> {
            LOG.warn("refused with 503 ({}) on {} {}", e.getMessage(), ctx.method(), ctx.path());
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            problem(ctx, Problem.of("busy", "服务繁忙，请稍后再试", 503, e.busyWith().sentence + "，请 "
                    + e.retryAfterSeconds() + " 秒后重试；本次请求未保存任何内容"));
        });
        config.routes.exception(TooLargeToScoreException.class, (e, ctx) -> problem(ctx,
                Problem.of("too-large-to-score", "证据包过大", 413, e.detail())));
        config.routes.exception(AssessmentService.ForeignUnitException.class, (e, ctx) -> problem(ctx,
                Problem.of("forbidden", "无权执行该操作", 403, "单位令牌只能为本单位上传评估记录；作者和文明办的令牌只能查看，不能上传")));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, switch (e.getStatus()) {
            case 413 -> Problem.of("payload-too-large", "证据包过大", 413, "请求超过大小上限");
            case 404 -> Problem.of("not-found", "找不到该页面", 404, "网址有误，或该页面已不存在");
            case 405 -> Problem.of("method-not-allowed", "不支持该请求方法", 405, ctx.method() + " " + ctx.path() + " 不可用");
            default -> Problem.of("http-" + e.getStatus(), "请求有误", e.getStatus(), "请求无法处理（HTTP " + e.getStatus() + "）");
        }));
        config.routes.exception(CriteriaFaultException.class, (e, ctx) -> {
            LOG.error("criteria fault", e);
            problem(ctx, Problem.of("criteria-fault", "测评体系有误", 500, e.getMessage()));
        });
        config.routes.exception(StoreException.class, (e, ctx) -> {
            LOG.error("store failure", e);
            if (e.unrecoverable()) {
                onFatal.accept(e);
            }
            problem(ctx, Problem.of("store-unavailable", "数据库暂时不可用", 503, e.getMessage() + "，未保存任何内容"));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (ClientGone.by(e)) {
                LOG.info("client went away during {} {}: {}", ctx.method(), ctx.path(), ClientGone.reason(e));
                // A client that sent too slowly may still read this; one that went away will not.
                problem(ctx, Problem.of("request-timeout", "上传中断或过慢", 408,
                        "证据包未能完整收到（连接中断，或发送过慢），未保存任何内容；请检查网络后重新上传"));
                return;
            }
            LOG.error("unexpected failure on " + ctx.method() + " " + ctx.path(), e);
            if (StoreException.unrecoverable(e)) {
                onFatal.accept(e);
            }
            problem(ctx, Problem.of("internal", "服务器内部错误", 500, "处理请求时出错，已记录日志"));
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                problem(ctx, Problem.of("not-found", "找不到该页面", 404, "网址有误，或该页面已不存在"));
            }
        });
    }

    /** A problem as application/problem+json for the API, or as a page for a browser. */
    private static void problem(Context ctx, Problem problem) {
        BodyRead.settle(ctx);
        ctx.status(problem.status());
        if (!ctx.path().startsWith("/api/") && !ctx.path().equals("/health") && acceptsHtml(ctx)) {
            ctx.html(new Pages().signedIn(AccessGate.signedIn(ctx)).error(problem.status(), problem.title(), problem.detail()));
            return;
        }
        ctx.contentType("application/problem+json; charset=utf-8")
                .result(JsonReport.render(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }
}
