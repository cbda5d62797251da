package io.headroom.servlet;

import jakarta.servlet.http.HttpServletRequest;

/** The request path {@link io.headroom.host.Admission} matches endpoints against. */
final class RequestTarget {

    private RequestTarget() {
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
}
