package org.civcheck.web;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a request that failed because of its client, not the service: the client closed the
 * connection or reset it while its body was being read or its answer written, or sent too slowly
 * (an idle timeout, a data rate under the minimum). Such a request is logged as one INFO line,
 * never as a server error with a stack trace.
 */
final class ClientGone {

    private ClientGone() {}

    /** Whether {@code e} (or a cause) is the client's doing. */
    static boolean by(Throwable e) {
        return reason(e) != null;
    }

    /** "connection closed", "timed out" …; null when {@code e} is not the client's doing. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (type.equals("org.eclipse.jetty.io.EofException") || t instanceof java.io.EOFException) {
                return "connection closed before the body or the answer was complete";
            }
            if (t instanceof TimeoutException || type.endsWith("TimeoutException")
                    || (type.equals("org.eclipse.jetty.http.BadMessageException") && message.contains("408"))
                    || message.contains("request data rate") || message.contains("idle timeout")) {
                return "too slow (" + t.getMessage() + ")";
            }
            if (t instanceof IOException && (message.contains("broken pipe") || message.contains("connection reset")
                    || message.contains("closed") || message.contains("early eof"))) {
                return t.getMessage();
            }
        }
        return null;
    }
}
