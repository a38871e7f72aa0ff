package org.civcheck.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.report.JsonReport;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.Page;
import org.civcheck.store.StoredAssessment;
import org.civcheck.store.StoredPackage;

/** The JSON API: HTTP in and out only; checking and storing is the service's job. */
final class ApiController {

    private final AssessmentService service;
    private final long maxPackageBytes;

    ApiController(AssessmentService service, long maxPackageBytes) {
        this.service = service;
        this.maxPackageBytes = maxPackageBytes;
    }

    /** POST /api/assessments — a package as JSON, zip or a multipart upload; ?dryRun=true scores without storing. */
    void create(Context ctx) {
        Upload upload = upload(ctx, maxPackageBytes);
        boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dryRun"));
        boolean explain = "true".equalsIgnoreCase(ctx.queryParam("explain"));
        AssessmentService.Checked checked = service.check(upload.bytes(), upload.name(), dryRun, explain);
        if (checked.stored().isEmpty()) {
            ctx.status(HttpStatus.OK).json(checked.assessment());
            return;
        }
        StoredAssessment stored = checked.stored().get();
        ctx.status(HttpStatus.CREATED).header("Location", "/api/assessments/" + stored.id()).json(document(stored));
    }

    /** GET /api/assessments?unit=ID&page=1&size=20 — newest first. */
    void list(Context ctx) {
        int page = intParam(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(ctx, "size", 20, 1, 100);
        Page<AssessmentSummary> result = service.list(ctx.queryParam("unit"), page, size);
        ctx.json(result);
    }

    void get(Context ctx) {
        ctx.json(document(found(ctx)));
    }

    /** GET /api/assessments/{id}/package — the package exactly as uploaded. */
    void downloadPackage(Context ctx) {
        StoredPackage pkg = service.findPackage(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
        String extension = pkg.mediaType().equals("application/zip") ? ".zip" : ".json";
        ctx.contentType(pkg.mediaType())
                .header("Content-Disposition", "attachment; filename=\"package-" + ctx.pathParam("id") + extension + "\"")
                .header("X-Content-SHA256", pkg.sha256())
                .result(pkg.bytes());
    }

    void delete(Context ctx) {
        if (!service.delete(ctx.pathParam("id"))) {
            throw notFound(ctx);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** GET /api/criteria — the criteria set served, with version and hash. */
    void criteria(Context ctx) {
        CriteriaSet c = service.assessor().criteria();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", c.id());
        set.put("name", c.name());
        set.put("version", c.version());
        set.put("sha256", c.sha256());
        set.put("maxScore", c.maxScore());
        set.put("passScore", c.passScore());
        set.put("atRiskMargin", c.atRiskMargin());
        set.put("categories", c.categories().size());
        set.put("indicators", c.indicators().size());
        ctx.json(Map.of("sets", List.of(set)));
    }

    void health(Context ctx) {
        boolean db = service.isStoreReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db ? "ok" : "degraded");
        body.put("database", db ? "ok" : "unreachable");
        body.put("criteria", service.assessor().criteria().id() + " " + service.assessor().criteria().version());
        ctx.status(db ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    /** The stored assessment: the result of the contract, plus where and when it was stored. */
    static JsonNode document(StoredAssessment stored) {
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
        return doc;
    }

    /** A package in the body: JSON, zip, or the "package" file of a multipart form. */
    record Upload(byte[] bytes, String name) {}

    static Upload upload(Context ctx, long max) {
        long length = ctx.req().getContentLengthLong();
        if (length > max) {
            throw new ApiException(413, "payload-too-large", "证据包过大",
                    "证据包为 " + length + " 字节，上限为 " + max + " 字节");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file = ctx.uploadedFile("package");
            if (file == null) {
                throw new ApiException(400, "missing-file", "缺少证据包文件", "表单中应有名为 package 的文件字段");
            }
            if (file.size() > max) {
                throw new ApiException(413, "payload-too-large", "证据包过大",
                        "证据包为 " + file.size() + " 字节，上限为 " + max + " 字节");
            }
            try (InputStream in = file.content()) {
                return new Upload(in.readAllBytes(), file.filename());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!(type.startsWith("application/json") || type.startsWith("application/zip")
                || type.startsWith("application/x-zip-compressed"))) {
            throw new ApiException(415, "unsupported-media-type", "不支持的内容类型",
                    "请以 application/json、application/zip 或 multipart/form-data 上传证据包，收到的是“" + type + "”");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > max) {
            throw new ApiException(413, "payload-too-large", "证据包过大", "证据包超过上限 " + max + " 字节");
        }
        return new Upload(bytes, type.startsWith("application/json") ? "evidence.json" : "package.zip");
    }

    private StoredAssessment found(Context ctx) {
        return service.find(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    }

    static ApiException notFound(Context ctx) {
        return new ApiException(404, "not-found", "找不到该评估记录", "没有编号为 " + ctx.pathParam("id") + " 的评估记录");
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
