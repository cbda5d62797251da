package io.headroom.sample;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which headers cross the gateway. Hop-by-hop headers (RFC 9110 section 7.6.1, plus any
 * named in Connection) describe one connection and must not be forwarded; Headroom's own
 * {@code x-headroom-*} request headers are instructions to this gateway, not to the provider.
 * Everything else, credentials included, passes through unchanged.
 */
final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
            "proxy-connection", "proxy-authenticate", "proxy-authorization", "host",
            "content-length", "expect", "http2-settings");

    private ForwardedHeaders() {
    }

    /** Copies the client's request headers that the upstream should see. */
    static void copyRequestHeaders(MultiMap from, MultiMap to) {
        Set<String> skip = connectionTokens(from);
        from.forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.startsWith("proxy-") && !name.startsWith("x-headroom-")
                    && !skip.contains(name)) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }

    /**
     * Copies the upstream's response headers the client should see, keeping framing to the
     * server (Content-Length is kept: it is exact because the body is relayed byte for byte).
     * Headers the gateway already set (the filter's x-headroom-*) win over the upstream's.
     */
    static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> skip = connectionTokens(from);
        Set<String> alreadySet = new HashSet<>();
        to.names().forEach(n -> alreadySet.add(n.toLowerCase(Locale.ROOT)));
        from.forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            boolean framing = name.equals("content-length");
            if ((framing || !HOP_BY_HOP.contains(name)) && !name.startsWith("proxy-") && !skip.contains(name)
                    && !alreadySet.contains(name)) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        Set<String> names = new HashSet<>();
        for (String value : headers.getAll("connection")) {
            for (String token : value.split(",")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    names.add(t);
                }
            }
        }
        return names;
    }
}
