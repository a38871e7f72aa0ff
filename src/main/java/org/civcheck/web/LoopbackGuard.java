package org.civcheck.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What keeps a service bound to loopback private to its machine: other web sites cannot reach it
 * through a browser. A request must name a loopback host (no DNS rebinding: a page whose domain
 * resolves to 127.0.0.1 still sends its own Host), and a state-changing request that carries an
 * Origin must come from a loopback origin (no cross-site form posts).
 */
final class LoopbackGuard {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private LoopbackGuard() {}

    static void check(Context ctx) {
        if (!LOOPBACK.contains(hostName(ctx.header("Host")))) {
            throw new ApiException(403, "forbidden-host", "拒绝访问",
                    "本服务只接受以本机地址（127.0.0.1 或 localhost）访问的请求");
        }
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !isLoopbackOrigin(origin)) {
            throw new ApiException(403, "cross-site", "拒绝跨站请求",
                    "来自其他网站的提交已被拒绝；请在本服务自己的页面上操作");
        }
    }

    /** The host of a Host header, without its port: "127.0.0.1:7070" → "127.0.0.1", "[::1]:7070" → "[::1]". */
    static String hostName(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isLoopbackOrigin(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String host = uri.getHost();
            return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false; // "null" and other opaque origins
        }
    }
}
