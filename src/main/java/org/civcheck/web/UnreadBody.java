package org.civcheck.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Reads and drops what a client is still sending before the server answers early (401, 403,
 * 413, 415, a refused upload). A server that answers with the body unread closes the connection
 * with data in its receive buffer; the kernel then resets it, and the client may see "connection
 * reset" or an empty reply instead of the answer.
 */
final class UnreadBody {

    /** Bodies larger than this are not read: the client gets the reset rather than the server the load. */
    static final long LIMIT = 256L * 1024 * 1024;

    private UnreadBody() {}

    static void discard(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length == 0 || length > LIMIT) {
            return;
        }
        try {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the body was already taken as a form: nothing to drop
        }
    }
}
