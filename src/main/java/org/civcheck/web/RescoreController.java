package org.civcheck.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.civcheck.report.JsonReport;
import org.civcheck.store.RescoreStore;
import org.civcheck.web.access.Principal;

/**
 * Re-scoring every unit, for authors: {@code POST /api/rescores} (and the 重新评分 page's button)
 * starts a run, {@code GET /api/rescores/{id}} and its page show the progress and then the impact.
 */
final class RescoreController {

    private static final int RECENT = 20;

    private final Rescores rescores;
    private final Pages pages;

    RescoreController(Rescores rescores, Pages pages) {
        this.rescores = rescores;
        this.pages = pages;
    }

    /** What {@code POST /api/rescores} may carry: the set (default when absent) and which units (all when absent). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(String criteria, List<String> units) {}

    /** POST /api/rescores — 202 with the run's progress; {@code {"criteria": "city", "units": ["u001"]}}, both optional. */
    void start(Context ctx) {
        Principal who = author(ctx);
        Request request = request(ctx);
        RescoreStore.Run run = rescores.begin(who.tokenId(), request.criteria(), request.units());
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/rescores/" + run.id())
                .json(rescores.report(run.id()).orElseThrow());
    }

    /** GET /api/rescores — the newest runs first, with their progress. */
    void list(Context ctx) {
        author(ctx);
        ctx.json(rescores.recent(RECENT));
    }

    /** GET /api/rescores/{id} — progress, then the impact. */
    void get(Context ctx) {
        author(ctx);
        ctx.json(report(ctx));
    }

    /** GET /rescores — the runs so far and the button that starts one. */
    void page(Context ctx) {
        author(ctx);
        ctx.html(pages.signedIn(AccessGate.signedIn(ctx)).rescores(rescores.recent(RECENT)));
    }

    /** POST /rescores — the page's button: every unit, the default set; then the run's page. */
    void startFromPage(Context ctx) {
        Principal who = author(ctx);
        RescoreStore.Run run = rescores.begin(who.tokenId(), ApiController.criteriaParam(ctx), null);
        ctx.redirect("/rescores/" + run.id(), HttpStatus.SEE_OTHER);
    }

    /** GET /rescores/{id} — the progress bar (the page asks for the progress every few seconds), then the impact. */
    void runPage(Context ctx) {
        author(ctx);
        ctx.html(pages.signedIn(AccessGate.signedIn(ctx)).rescore(report(ctx)));
    }

    private RescoreReport report(Context ctx) {
        return rescores.report(ctx.pathParam("id")).orElseThrow(
                () -> new ApiException(404, "not-found", "找不到该重新评分任务", "网址有误，或该任务已不存在"));
    }

    private static Principal author(Context ctx) {
        Principal who = AccessGate.principal(ctx);
        if (!who.isAuthor()) {
            throw new ApiException(403, "forbidden", "无权执行该操作", "只有作者令牌可以查看和发起全部单位的重新评分");
        }
        return who;
    }

    private static Request request(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            return new Request(null, null);
        }
        JsonNode tree;
        try {
            tree = JsonReport.mapper().readTree(body);
        } catch (IOException e) {
            throw new ApiException(400, "bad-request", "请求有误", "请求体不是有效的 JSON");
        }
        if (tree == null || tree.isNull()) {
            return new Request(null, null);
        }
        if (!tree.isObject()) {
            throw new ApiException(400, "bad-request", "请求有误", "请求体应为 JSON 对象，如 {\"criteria\": \"provincial\"}");
        }
        JsonNode criteria = tree.path("criteria");
        if (!criteria.isMissingNode() && !criteria.isNull() && !criteria.isTextual()) {
            throw new ApiException(400, "bad-request", "请求有误", "criteria 应为测评体系编号（文字）");
        }
        JsonNode units = tree.path("units");
        List<String> list = null;
        if (!units.isMissingNode() && !units.isNull()) {
            if (!units.isArray()) {
                throw new ApiException(400, "bad-request", "请求有误", "units 应为单位编号的列表");
            }
            list = new ArrayList<>();
            for (JsonNode u : units) {
                if (!u.isTextual()) {
                    throw new ApiException(400, "bad-request", "请求有误", "units 中的每一项应为单位编号（文字）");
                }
                list.add(u.asText().trim());
            }
        }
        String set = criteria.isTextual() && !criteria.asText().isBlank() ? criteria.asText().trim() : null;
        return new Request(set, list);
    }
}
