package org.civcheck.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.civcheck.web.Pages.LoginNotice;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.Principal;

/**
 * Who may do what, checked before every route.
 *
 * <ul>
 *   <li>Cross-site posting (always, with or without access control): a POST, PUT, PATCH or DELETE
 *       whose {@code Origin} (or, without one, {@code Referer}) names another host than the request's
 *       {@code Host} is refused with 403. Requests with neither header (curl, scripts) pass; browsers
 *       send {@code Origin} on every POST. Together with the SameSite=Strict session cookie this is
 *       the CSRF protection of the forms (upload, examples, logout).</li>
 *   <li>With an access file: every route but {@code /health}, {@code /static/…}, the login page and
 *       {@code /logout} needs {@code Authorization: Bearer <token>} or the session cookie set by
 *       {@code POST /login}; without them the API answers 401 and pages redirect to {@code /login}.
 *       Only {@code POST /logout} logs out, so another site cannot log a user out with a link or an
 *       image; {@code GET /logout} (a typed address) asks first.</li>
 * </ul>
 */
final class AccessGate {

    static final String COOKIE = "civcheck_session";
    private static final String PRINCIPAL = "civcheck.principal";
    private static final String SIGNED_IN = "civcheck.signedIn";

    private final Access access;
    private final Pages pages = new Pages();

    AccessGate(Access access) {
        this.access = access;
    }

    boolean enabled() {
        return access != null;
    }

    Access access() {
        return access;
    }

    /**
     * The principal of the request; {@link Principal#OPEN} when access control is off. A request
     * the gate let through without one (a path it exempts) gets nothing: a route added later
     * without thought fails closed, not open.
     */
    static Principal principal(Context ctx) {
        Object p = ctx.attribute(PRINCIPAL);
        if (p instanceof Principal principal) {
            return principal;
        }
        throw new ApiException(401, "unauthorized", "需要登录或访问令牌", "请在请求头中附上 Authorization: Bearer <令牌>，或先登录");
    }

    /**
     * Whether the request comes with a live login session of the pages (not a bearer token, not the
     * open service): the pages then offer 退出登录.
     */
    static boolean signedIn(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(SIGNED_IN));
    }

    void before(Context ctx) {
        refuseCrossSite(ctx);
        if (access == null) {
            ctx.attribute(PRINCIPAL, Principal.OPEN);
            return;
        }
        String path = ctx.path();
        if (path.equals("/health") || path.startsWith("/static/") || path.equals("/login") || path.equals("/logout")) {
            return;
        }
        Optional<Principal> principal;
        String authorization = ctx.header("Authorization");
        boolean bearer = authorization != null && !authorization.isBlank();
        if (bearer) {
            principal = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? access.authenticate(authorization.substring(7).trim()) : Optional.empty();
        } else {
            principal = access.session(ctx.cookie(COOKIE));
        }
        if (principal.isPresent()) {
            ctx.attribute(PRINCIPAL, principal.get());
            ctx.attribute(SIGNED_IN, !bearer);
            return;
        }
        if (path.startsWith("/api/") || authorization != null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"civcheck\"");
            throw new ApiException(401, "unauthorized", "需要登录或访问令牌",
                    "请在请求头中附上 Authorization: Bearer <令牌>，或先登录");
        }
        String next = "GET".equals(ctx.method().name()) ? path : "/";
        BodyRead.settle(ctx);
        ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    /** Refuses a state-changing request sent from another site's page. */
    static void refuseCrossSite(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String origin = ctx.header("Origin");
        String source = origin != null ? origin : ctx.header("Referer");
        if (source == null) {
            return;
        }
        if (!sameHost(source, ctx.header("Host"))) {
            throw new ApiException(403, "cross-site", "拒绝跨站提交",
                    "该请求来自其他网站的页面，已拒绝；请在本服务的页面上操作");
        }
    }

    static boolean sameHost(String source, String host) {
        if (host == null || source.isBlank() || source.equals("null")) {
            return false;
        }
        try {
            URI from = URI.create(source.trim());
            URI to = URI.create("http://" + host.trim());
            if (from.getHost() == null || to.getHost() == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            int fromPort = from.getPort() >= 0 ? from.getPort() : defaultPort;
            int toPort = to.getPort() >= 0 ? to.getPort() : defaultPort;
            return from.getHost().equalsIgnoreCase(to.getHost()) && fromPort == toPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // --- login page --------------------------------------------------------------------------------

    /** Where {@code POST /logout} sends the browser: the login page with its 已退出登录 notice. */
    static final String AFTER_LOGOUT = "/login?out=1";

    /**
     * GET /login: the form, with 已退出登录 above it when the visitor has just logged out. The
     * notice is a fixed sentence picked by {@code out=1}; no text of the request is shown.
     */
    void loginPage(Context ctx) {
        LoginNotice notice = "1".equals(ctx.queryParam("out")) ? LoginNotice.LOGGED_OUT : LoginNotice.NONE;
        ctx.html(pages.login(ctx.queryParam("next"), notice));
    }

    void login(Context ctx) {
        String token = ctx.formParam("token");
        Optional<String> sid = access == null ? Optional.empty() : access.login(token == null ? "" : token.trim());
        if (sid.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(pages.login(ctx.formParam("next"), LoginNotice.TOKEN_REJECTED));
            return;
        }
        ctx.header("Set-Cookie", COOKIE + "=" + sid.get() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + Access.SESSION_LIFETIME.toSeconds() + (secure(ctx) ? "; Secure" : ""));
        ctx.redirect(landing(safeNext(ctx.formParam("next")), token.trim()), HttpStatus.SEE_OTHER);
    }

    /** Where a login goes: {@code next}, but a 文明办's token asked for the home page lands on its overview. */
    private String landing(String next, String token) {
        boolean office = access.authenticate(token).map(Principal::isOffice).orElse(false);
        return office && next.equals("/") ? "/overview" : next;
    }

    /**
     * GET /logout, an address typed or bookmarked: logs nobody out (a link or an image on another
     * site could send it), but asks a signed-in user to confirm with the POST form; anyone else
     * goes to the login page.
     */
    void logoutPage(Context ctx) {
        if (access.session(ctx.cookie(COOKIE)).isEmpty()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(pages.signedIn(true).logout());
    }

    /**
     * POST /logout: ends the session, clears its cookie and sends the browser to the login page,
     * which says 已退出登录; cross-site posts were refused in {@link #before}.
     */
    void logout(Context ctx) {
        access.logout(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure(ctx) ? "; Secure" : ""));
        ctx.redirect(AFTER_LOGOUT, HttpStatus.SEE_OTHER);
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")));
    }

    /** Only a local path: never another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
