package org.civcheck.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * What happens to a request body the server answers without having read (401, 403, 413, 415, 503,
 * a refused upload). The server never reads such a body into memory, and reads it at all only when
 * that is cheap and spares the client a lost answer:
 *
 * <ul>
 *   <li>A small body of a declared length (at most {@value #DRAIN_LIMIT} bytes) is read and dropped:
 *       a server that closes with data still in its receive buffer makes the kernel reset the
 *       connection, and the client may see "connection reset" instead of the answer.</li>
 *   <li>Any other body (larger, chunked, or announced with {@code Expect: 100-continue}, whose
 *       client waits for the answer before sending it) is not read at all: the answer says
 *       {@code Connection: close} and the connection is closed after it.</li>
 * </ul>
 */
final class BodyRead {

    /** Declared bodies up to this size are read and dropped before an early answer. */
    static final long DRAIN_LIMIT = 1024 * 1024;

    /** While a body is dropped, a pause this long ends it: a slow client holds a thread no longer. */
    static final java.time.Duration DRAIN_IDLE = java.time.Duration.ofSeconds(1);

    private static final String STARTED = "civcheck.bodyRead";

    private BodyRead() {}

    /** Records that the handler has started to read the body. */
    static void mark(Context ctx) {
        ctx.attribute(STARTED, Boolean.FALSE);
    }

    /** Records that the handler has read the whole body: nothing is left to decide for it. */
    static void complete(Context ctx) {
        ctx.attribute(STARTED, Boolean.TRUE);
    }

    /** Settles a body the answer leaves unread: drops a small declared one, else closes the connection. */
    static void settle(Context ctx) {
        Object started = ctx.attribute(STARTED);
        if (Boolean.TRUE.equals(started)) {
            return;
        }
        if (Boolean.FALSE.equals(started)) {
            if (!ctx.res().isCommitted()) {
                ctx.header("Connection", "close"); // a body read only in part (too slow, too large)
            }
            return;
        }
        long length = ctx.req().getContentLengthLong();
        if (length == 0 || (length < 0 && ctx.header("Transfer-Encoding") == null)) {
            return;
        }
        String expect = ctx.header("Expect");
        boolean waiting = expect != null && expect.equalsIgnoreCase("100-continue");
        if (length > 0 && length <= DRAIN_LIMIT && !waiting) {
            shortenIdleTimeout(ctx);
            try (InputStream in = ctx.req().getInputStream()) {
                in.skipNBytes(length);
                return;
            } catch (IOException | RuntimeException e) {
                // the client went away or sent too slowly (Jetty's 408), or the body was taken as a form: close
            }
        }
        if (!ctx.res().isCommitted()) {
            ctx.header("Connection", "close");
        }
    }

    /** The connection's idle timeout cut to {@link #DRAIN_IDLE}: it is closed after this answer anyway if the drop fails. */
    private static void shortenIdleTimeout(Context ctx) {
        try {
            org.eclipse.jetty.ee10.servlet.ServletContextRequest request =
                    org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req());
            if (request != null) {
                request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(DRAIN_IDLE.toMillis());
            }
        } catch (RuntimeException e) {
            // another servlet container: the connector's idle timeout and minimum data rate still hold
        }
    }
}
