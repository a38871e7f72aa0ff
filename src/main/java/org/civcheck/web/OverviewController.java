package org.civcheck.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.civcheck.overview.OverviewFilter;
import org.civcheck.overview.OverviewView;
import org.civcheck.overview.OverviewWorkbook;
import org.civcheck.register.Region;
import org.civcheck.register.RegisterFile;
import org.civcheck.store.Overview;
import org.civcheck.store.OverviewRow;
import org.civcheck.store.UnitRegister;
import org.civcheck.web.access.Principal;

/**
 * The 文明办's view: {@code /overview} (the page), {@code GET /api/overview} (its JSON),
 * {@code /overview.xlsx} (its export), the regions a caller may choose, and the import of the
 * unit register (authors only). An office's token sees its region and below, and nothing else; an
 * author's (and the open service) every unit; a unit's token none of it.
 */
final class OverviewController {

    /** Common gaps of each kind on the page and in the JSON. */
    static final int GAPS = 10;
    /** The largest register file taken: some 100,000 units. */
    static final int MAX_REGISTER_BYTES = 16 * 1024 * 1024;

    private final AssessmentService service;
    private final Pages pages;

    OverviewController(AssessmentService service, Pages pages) {
        this.service = service;
        this.pages = pages;
    }

    /** GET /overview. */
    void page(Context ctx) {
        String scope = scope(ctx);
        OverviewFilter filter = filter(ctx, scope);
        Overview overview = service.overview().overview(filter.query(), filter.page(), filter.size(), GAPS);
        List<Region> regions = service.register().regions(scope);
        ctx.html(pages.signedIn(AccessGate.signedIn(ctx)).overview(OverviewView.of(overview, filter, scope, regions, "/overview")));
    }

    /** GET /api/overview — the units, the verdicts' spread and the common gaps, as the contract has them. */
    void api(Context ctx) {
        String scope = scope(ctx);
        OverviewFilter filter = filter(ctx, scope);
        Overview o = service.overview().overview(filter.query(), filter.page(), filter.size(), GAPS);
        ctx.json(new OverviewJson(filter.region(), o.rows().stream().map(UnitJson::of).toList(), o.verdicts(),
                o.indicators().stream().map(g -> new GapJson(g.code(), g.name(), g.units())).toList(),
                o.problems().stream().map(g -> new ProblemJson(g.code(), g.name(), g.units())).toList(),
                o.page(), o.size(), o.total()));
    }

    /** GET /overview.xlsx and /api/overview.xlsx — every unit of the selection and the common gaps. */
    void export(Context ctx) {
        String scope = scope(ctx);
        OverviewFilter filter = filter(ctx, scope);
        List<OverviewRow> rows = service.overview().rows(filter.query());
        Overview numbers = service.overview().numbers(filter.query(), GAPS);
        String label = filter.region() == null ? "全部地区" : Region.label(filter.region());
        ApiController.download(ctx, OverviewWorkbook.write(label, rows, numbers), ApiController.XLSX_TYPE,
                "单位总览-" + label.replace(' ', '-') + "-" + java.time.LocalDate.now(org.civcheck.report.page.Formats.ZONE)
                        + ".xlsx");
    }

    /** GET /api/regions — the regions the caller may choose from, outermost first. */
    void regions(Context ctx) {
        String scope = scope(ctx);
        ctx.json(Map.of("regions", service.register().regions(scope).stream()
                .map(r -> new RegionJson(r.id(), r.name(), r.parentId(), r.depth())).toList()));
    }

    /**
     * POST /api/units/import — the register file (CSV, as docs/office-guide.md describes) in the
     * body: its units added or changed, none removed. A file with any fault changes nothing (422,
     * each fault with its line).
     */
    void importRegister(Context ctx) {
        if (!AccessGate.principal(ctx).isAuthor()) {
            throw new ApiException(403, "forbidden", "无权执行该操作", "只有作者令牌可以导入单位名册");
        }
        String name = ctx.queryParam("name") == null || ctx.queryParam("name").isBlank() ? "单位名册.csv"
                : ctx.queryParam("name").strip();
        RegisterFile.Reading reading = RegisterFile.read(name, body(ctx));
        if (!reading.isAccepted()) {
            throw new RegisterRejectedException(reading.problems().stream()
                    .map(p -> new Problem.Fault(p.file() + ":" + p.line(), p.message())).toList());
        }
        UnitRegister.Imported imported = service.register().importRegister(reading.register());
        ctx.json(imported);
    }

    /** The register file was refused: nothing was stored. */
    static final class RegisterRejectedException extends RuntimeException {
        final List<Problem.Fault> faults;

        RegisterRejectedException(List<Problem.Fault> faults) {
            super("单位名册有 " + faults.size() + " 处问题，未导入任何内容");
            this.faults = faults;
        }
    }

    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_REGISTER_BYTES + 1);
            if (bytes.length > MAX_REGISTER_BYTES) {
                throw new ApiException(413, "payload-too-large", "单位名册过大",
                        "单位名册不能超过 " + MAX_REGISTER_BYTES / (1024 * 1024) + " MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The region the caller sees: null for every unit (an author, the open service), an office's own; a unit's token none. */
    private static String scope(Context ctx) {
        Principal who = AccessGate.principal(ctx);
        if (who.isOffice()) {
            return who.region();
        }
        if (who.isAuthor()) {
            return null;
        }
        throw new ApiException(403, "forbidden", "无权查看单位总览", "单位总览供文明办和作者查看；单位令牌只能查看本单位的自查记录");
    }

    /** The request's filter, its region within the caller's (the caller's own when none is asked). */
    private static OverviewFilter filter(Context ctx, String scope) {
        OverviewFilter filter;
        try {
            filter = OverviewFilter.parse(ctx::queryParam);
        } catch (OverviewFilter.BadFilterException e) {
            throw new ApiException(400, "bad-parameter", "筛选条件有误", e.getMessage());
        }
        if (filter.region() == null) {
            return filter.inRegion(scope);
        }
        if (scope != null && !Region.within(filter.region(), scope)) {
            throw new ApiException(403, "forbidden", "无权查看该地区", "只能查看本地区（" + Region.label(scope) + "）及下级地区的单位");
        }
        return filter;
    }

    record OverviewJson(String region, List<UnitJson> units, Map<String, Long> verdicts, List<GapJson> commonGaps,
            List<ProblemJson> problems, int page, int size, long total) {}

    /** One unit: the contract's fields, then the region, level, the check before and the progress of a check made during the period. */
    record UnitJson(String unit, String name, String verdict, Double score, String checkedAt, String assessment,
            String region, String level, Double maxScore, Double previousScore, String previousVerdict, Double change,
            String progress, String asOf) {
        static UnitJson of(OverviewRow r) {
            return new UnitJson(r.unitId(), r.unitName(), r.verdict(), r.score(),
                    r.checkedAt() == null ? null : r.checkedAt().toInstant().toString(), r.assessmentId(), r.regionId(),
                    r.level(), r.maxScore(), r.previousScore(), r.previousVerdict(), r.change(), r.progressVerdict(),
                    r.asOf() == null ? null : r.asOf().toString());
        }
    }

    record GapJson(String indicator, String name, long units) {}

    record ProblemJson(String problem, String name, long units) {}

    record RegionJson(String id, String name, String parent, int depth) {}
}
