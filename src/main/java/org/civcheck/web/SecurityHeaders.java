package org.civcheck.web;

import io.javalin.http.Context;

/**
 * Headers every answer carries, so that a browser runs only the service's own scripts and styles
 * from its own origin (the pages use {@code /static/*.js} and {@code .css}, and {@code style}
 * attributes for the width of bars: hence {@code 'unsafe-inline'} for styles only), never shows a
 * page inside another site's frame, never guesses a content type, and tells other sites nothing of
 * the addresses visited (the service's own pages still see their origin).
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void add(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // Not "no-referrer": with it a browser sends "Origin: null" on the pages' own form posts, which the
        // cross-site check (AccessGate) must then refuse.
        ctx.header("Referrer-Policy", "same-origin");
    }
}
