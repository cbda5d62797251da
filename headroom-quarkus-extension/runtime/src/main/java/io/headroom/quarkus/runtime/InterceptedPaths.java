package io.headroom.quarkus.runtime;

import io.headroom.Endpoint;
import java.util.List;
import java.util.Optional;

/** Decides which request paths the route filter buffers and for which LLM API shape. */
final class InterceptedPaths {
    private final List<String> paths;

    InterceptedPaths(List<String> configured) {
        this.paths = configured.stream().map(String::trim).filter(p -> !p.isEmpty())
                .map(InterceptedPaths::stripTrailingSlash).toList();
    }

    /**
     * The endpoint a request path addresses, when it is one of the configured paths (equal, or a
     * suffix of it for gateways mounted under a prefix) and a shape the core understands.
     */
    Optional<Endpoint> endpointFor(String requestPath) {
        if (requestPath == null) {
            return Optional.empty();
        }
        String p = stripTrailingSlash(requestPath);
        for (String configured : paths) {
            if (p.endsWith(configured)) {
                return Endpoint.forPath(p);
            }
        }
        return Optional.empty();
    }

    private static String stripTrailingSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
