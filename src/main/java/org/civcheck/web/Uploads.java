package org.civcheck.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * Receives a package upload only once there is room for it: every refusal that needs no body
 * (a wrong type, a declared size over the limit, too many uploads at once, a full scoring budget)
 * comes before a byte of the body is read, and the body is charged to the scoring budget
 * ({@link ScoringLimiter}) before it is held in memory.
 *
 * <ul>
 *   <li>A declared {@code Content-Length} is charged whole, then read into one array of that size.</li>
 *   <li>A chunked body is charged as it arrives, in steps of {@value #STEP_MIB} MiB, twice over
 *       (its pieces and the array they are joined into), and refused with 413 at the limit.</li>
 *   <li>A form ({@code multipart/form-data}) is parsed by Jetty to a temporary file on disk
 *       ({@link #FORM_IN_MEMORY} bytes at most in memory), and charged by its file's size before
 *       that file is read.</li>
 * </ul>
 *
 * <p>The permit in the returned {@link Received} holds the body's room until the scoring, which
 * takes it over ({@link AssessmentService#check(Received, String, boolean, java.util.function.Predicate)}).
 */
final class Uploads {

    /** A form's file parts above this size go to a temporary file, not the heap. */
    static final int FORM_IN_MEMORY = 1024 * 1024;
    static final int STEP_MIB = 4;
    private static final int STEP = STEP_MIB * 1024 * 1024;

    /** Bytes a multipart form may add around the file (boundaries, part headers, a criteria field). */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    /** An upload received: the package's bytes and name, and the scoring room they hold. */
    record Received(byte[] bytes, String name, ScoringLimiter.Permit permit) implements AutoCloseable {
        @Override
        public void close() {
            permit.close();
        }
    }

    private final ScoringLimiter limiter;
    private final long max;
    private final ServerLimits limits;
    private final Semaphore receiving;

    Uploads(ScoringLimiter limiter, long maxPackageBytes, ServerLimits limits) {
        this.limiter = limiter;
        this.max = maxPackageBytes;
        this.limits = limits;
        this.receiving = new Semaphore(limits.maxConcurrentUploads());
    }

    /**
     * The package of the request, received within the limits.
     *
     * @throws ApiException 413, 415, 400 or 408, the body unread or read only as far as needed
     * @throws ServiceBusyException when too many uploads are being received, or the budget stays full
     */
    Received receive(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean multipart = type.startsWith("multipart/form-data");
        long length = ctx.req().getContentLengthLong();
        // A form carries the file plus boundaries and headers: the file itself is checked below.
        if (length > (multipart ? max + MULTIPART_OVERHEAD : max)) {
            throw tooLarge(length, max);
        }
        boolean workbook = type.startsWith(ApiController.XLSX_TYPE);
        if (!multipart && !(type.startsWith("application/json") || type.startsWith("application/zip")
                || type.startsWith("application/x-zip-compressed") || workbook)) {
            throw new ApiException(415, "unsupported-media-type", "不支持的内容类型",
                    "请以 application/json、application/zip、" + ApiController.XLSX_TYPE
                            + "（台账工作簿）或 multipart/form-data 上传证据包，收到的是“" + type + "”");
        }
        if (!receiving.tryAcquire()) {
            throw new ServiceBusyException(limiter.retryAfterSeconds(), ServiceBusyException.Cause.UPLOADS);
        }
        try {
            ScoringLimiter.Permit permit = limiter.admit(ScoringCost.ofUpload(multipart || length < 0 ? 0 : length));
            try {
                BodyRead.mark(ctx);
                if (multipart) {
                    Received form = form(ctx, permit);
                    BodyRead.complete(ctx);
                    return form;
                }
                byte[] bytes = length >= 0 ? declared(ctx, (int) length) : chunked(ctx, permit);
                BodyRead.complete(ctx);
                permit.resize(ScoringCost.ofUpload(bytes.length));
                return new Received(bytes,
                        type.startsWith("application/json") ? "evidence.json" : workbook ? "台账.xlsx" : "package.zip", permit);
            } catch (RuntimeException | Error e) {
                permit.close();
                throw e;
            }
        } finally {
            receiving.release();
        }
    }

    private Received form(Context ctx, ScoringLimiter.Permit permit) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("package");
        } catch (Exception e) { // Jetty's ServletException arrives unchecked through Kotlin
            throw unreadableForm(e);
        }
        if (file == null) {
            throw new ApiException(400, "missing-file", "缺少证据包文件", "表单中应有名为 package 的文件字段");
        }
        if (file.size() > max) {
            throw tooLarge(file.size(), max);
        }
        permit.resize(ScoringCost.ofUpload(file.size()));
        try (InputStream in = file.content()) {
            return new Received(in.readNBytes((int) file.size()), shortName(file.filename()), permit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body of a declared length, already charged: read into one array of that length. */
    private byte[] declared(Context ctx, int length) {
        byte[] bytes = new byte[length];
        long began = System.nanoTime();
        try {
            InputStream in = ctx.req().getInputStream();
            int off = 0;
            while (off < length) {
                int n = in.read(bytes, off, Math.min(length - off, 64 * 1024));
                if (n < 0) {
                    throw incomplete(off, length);
                }
                off += n;
                checkTime(began);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body of unknown length: read in pieces, each charged before it is read. */
    private byte[] chunked(Context ctx, ScoringLimiter.Permit permit) {
        List<byte[]> pieces = new ArrayList<>();
        long total = 0;
        long charged = 0;
        long began = System.nanoTime();
        try {
            InputStream in = ctx.req().getInputStream();
            while (true) {
                if (total + STEP > charged) {
                    charged = total + STEP;
                    permit.resize(ScoringCost.ofUpload(charged) + charged);
                }
                byte[] piece = in.readNBytes((int) Math.min(STEP, max + 1 - total));
                checkTime(began);
                if (piece.length == 0) {
                    break;
                }
                pieces.add(piece);
                total += piece.length;
                if (total > max) {
                    throw new ApiException(413, "payload-too-large", "证据包过大", "证据包超过上限 " + max + " 字节");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, bytes, at, piece.length);
            at += piece.length;
        }
        return bytes;
    }

    private void checkTime(long began) {
        if (System.nanoTime() - began > limits.maxBodyTime().toNanos()) {
            throw new ApiException(408, "request-timeout", "上传超时",
                    "证据包在 " + limits.maxBodyTime().toMinutes() + " 分钟内未传完，未保存任何内容；请检查网络后重新上传");
        }
    }

    private static ApiException incomplete(long received, long declared) {
        return new ApiException(400, "incomplete-body", "证据包不完整",
                "请求声明 " + declared + " 字节，只收到 " + received + " 字节，未保存任何内容");
    }

    static ApiException tooLarge(long size, long max) {
        return new ApiException(413, "payload-too-large", "证据包过大", "证据包为 " + size + " 字节，上限为 " + max + " 字节");
    }

    /** A form the servlet layer could not parse: too large, or not a multipart form at all. */
    private ApiException unreadableForm(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceed") || m.contains("too large") || m.contains("max")) {
                return new ApiException(413, "payload-too-large", "证据包过大", "上传的表单超过上限 " + max + " 字节");
            }
        }
        return new ApiException(400, "malformed-form", "表单格式有误",
                "无法解析 multipart/form-data 表单：请用表单字段 package 上传证据包文件");
    }

    /** A file name as a label: at most 200 characters. */
    private static String shortName(String name) {
        if (name == null || name.codePointCount(0, name.length()) <= 200) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 197)) + "…";
    }
}
