package io.headroom.quarkus.runtime;

import io.vertx.ext.web.RoutingContext;

/** Where the route filter leaves the exact bytes it forwards, for {@link HeadroomRestBodyFilter}. */
final class RewrittenBody {
    static final String KEY = "io.headroom.quarkus.forwarded-body";

    private RewrittenBody() {
    }

    static void put(RoutingContext rc, byte[] body) {
        rc.put(KEY, body);
    }

    static byte[] get(RoutingContext rc) {
        Object v = rc.get(KEY);
        return v instanceof byte[] b ? b : null;
    }
}
