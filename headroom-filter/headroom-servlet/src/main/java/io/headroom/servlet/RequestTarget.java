package io.headroom.servlet;

import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.host.BodyEncoding;
import io.headroom.host.JsonContentType;
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

    /** True for any Content-Encoding but identity. */
    static boolean contentEncoded(HttpServletRequest request) {
        return !BodyEncoding.isIdentity(request.getHeader("Content-Encoding"));
    }

    /** gzip or deflate, which the filter decodes; empty for identity and for encodings it forwards as they are. */
    static Optional<BodyEncoding> decodableEncoding(HttpServletRequest request) {
        return BodyEncoding.of(request.getHeader("Content-Encoding"));
    }

    /** JSON in UTF-8, or no Content-Type at all. */
    static boolean rewritableContentType(HttpServletRequest request) {
        return JsonContentType.rewritable(request.getHeader("Content-Type"));
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
