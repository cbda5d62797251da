package io.headroom.jaxrs;

import java.net.URI;
import java.util.Locale;

/**
 * Where the retrieve follow-ups go: this application, reached at the configured origin ({@code retrieve.self-uri})
 * or else on the loopback interface at the port the request came in on. Never at the host the request names: the
 * {@code Host} header is the client's to choose, and a follow-up carries the client's body and headers.
 */
final class SelfCallTarget {
    private final URI origin;

    /** @param selfUri the configured origin ({@code scheme://host:port}), or blank for loopback */
    SelfCallTarget(String selfUri) {
        this.origin = selfUri == null || selfUri.isBlank() ? null : URI.create(selfUri.strip());
    }

    /** The URI a follow-up of the request at {@code requestUri} (absolute, as the runtime saw it) is sent to. */
    URI of(URI requestUri) {
        String path = requestUri.getRawPath() == null || requestUri.getRawPath().isEmpty() ? "/" : requestUri.getRawPath();
        String query = requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery();
        if (origin != null) {
            String base = origin.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path + query);
        }
        String scheme = requestUri.getScheme() == null ? "http" : requestUri.getScheme().toLowerCase(Locale.ROOT);
        int port = requestUri.getPort() >= 0 ? requestUri.getPort() : scheme.equals("https") ? 443 : 80;
        return URI.create(scheme + "://127.0.0.1:" + port + path + query);
    }
}
