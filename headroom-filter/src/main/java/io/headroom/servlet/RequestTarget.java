package io.headroom.servlet;

import io.headroom.core.Endpoint;
import io.headroom.core.Mode;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** Reads what the filter needs to know about a request from its method, path and headers. */
final class RequestTarget {

    private RequestTarget() {
    }

    /** The LLM endpoint a POST addresses, or empty for anything the filter must leave alone. */
    static Optional<Endpoint> endpoint(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        return Endpoint.forPath(path(request));
    }

    /** The path inside the web application: servlet path + path info, else URI minus context path. */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (!path.isEmpty()) {
            return path;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri != null && context != null && uri.startsWith(context)) {
            return uri.substring(context.length());
        }
        return uri;
    }

    static boolean bypassed(HttpServletRequest request) {
        String value = request.getHeader(HeadroomFilter.HEADER_BYPASS);
        return value != null && "true".equalsIgnoreCase(value.trim());
    }

    /** Compressed request bodies (gzip, deflate, ...) are forwarded as they are. */
    static boolean contentEncoded(HttpServletRequest request) {
        String value = request.getHeader("Content-Encoding");
        return value != null && !value.isBlank() && !"identity".equalsIgnoreCase(value.trim());
    }

    /** The {@code x-headroom-mode} override; absent or unknown values keep the configured mode (null). */
    static Mode modeOverride(HttpServletRequest request) {
        try {
            return Mode.parse(request.getHeader(HeadroomFilter.HEADER_MODE), null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
