package io.headroom.sample;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The original's security response headers on every answer, its own and forwarded ones, set only where the
 * answer has none of that name (an upstream's or a handler's own value wins, like the original's setdefault).
 */
@ApplicationScoped
public class SecurityHeaders {
    static final Map<String, String> DEFAULTS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    /** Outermost: even a refusal of a later filter carries the headers. */
    static final int PRIORITY = 130;

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> setDefaults(rc.response().headers()));
        rc.next();
    }

    static void setDefaults(MultiMap headers) {
        DEFAULTS.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.set(name, value);
            }
        });
    }
}
