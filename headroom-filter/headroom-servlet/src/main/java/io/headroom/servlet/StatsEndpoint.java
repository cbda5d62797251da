package io.headroom.servlet;

import io.headroom.Headroom;
import io.headroom.host.Admission;
import io.headroom.host.LoopbackCallers;
import io.headroom.host.StatsDocument;
import io.headroom.host.StatsReply;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The filter's optional stats endpoint (init-param {@value #INIT_PARAM}, e.g. {@code /headroom/stats}; off when
 * unset): {@code GET} answers {@link StatsDocument}, the numbers of the gateway's {@code /stats}. Operator data, so
 * like the gateway's it answers loopback callers only, and only under a loopback {@code Host} (a DNS-rebinding page
 * sends its own name; {@link LoopbackCallers}, the rule of every host): anyone else gets 403. The filter must be
 * mapped to the path.
 */
final class StatsEndpoint {
    static final String INIT_PARAM = "stats.path";

    private final String path;

    private StatsEndpoint(String path) {
        this.path = path;
    }

    /** The endpoint the init-param asks for, or null when it is unset. */
    static StatsEndpoint fromInitParam(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String p = value.strip();
        if (!p.startsWith("/") || p.contains("*")) {
            throw new IllegalArgumentException(INIT_PARAM + " must be a path starting with '/', got '" + value + "'");
        }
        return new StatsEndpoint(p);
    }

    String path() {
        return path;
    }

    boolean matches(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && path.equals(RequestTarget.path(request));
    }

    void answer(HttpServletRequest request, HttpServletResponse response, Headroom headroom, Admission admission)
            throws IOException {
        StatsReply reply = StatsReply.forCaller(request.getRemoteAddr(), request.getServerName(), headroom, admission);
        byte[] body = reply.body();
        response.setStatus(reply.status());
        response.setContentType(StatsReply.CONTENT_TYPE);
        response.setHeader("Cache-Control", StatsReply.CACHE_CONTROL);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
