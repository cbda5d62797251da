package io.headroom.servlet;

import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.host.Admission;
import io.headroom.host.ErrorBodies;
import io.headroom.host.StatsDocument;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The filter's optional stats endpoint (init-param {@value #INIT_PARAM}, e.g. {@code /headroom/stats}; off when
 * unset): {@code GET} answers {@link StatsDocument}, the numbers of the gateway's {@code /stats}. Operator data, so
 * like the gateway's it answers loopback callers only, and only under a loopback {@code Host} (a DNS-rebinding page
 * sends its own name): anyone else gets 403. The filter must be mapped to the path.
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
        byte[] body;
        if (loopback(request.getRemoteAddr()) && loopbackHost(request.getServerName())) {
            response.setStatus(200);
            body = StatsDocument.bytes(headroom.stats(), admission.passedThrough());
        } else {
            response.setStatus(403);
            body = ErrorBodies.of(ErrorType.FORBIDDEN, "the stats endpoint answers loopback callers only");
        }
        response.setContentType(ErrorBodies.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean loopback(String address) {
        try {
            // an IP literal from the container: no DNS lookup happens
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }
}
