package io.headroom.sample;

import io.headroom.ErrorType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size}
 * with 413 in the JSON error shape, before a byte of its body is read. Quarkus's own check of the same limit
 * runs later and answers with an empty body, which clients cannot parse. An HTTP/1.x connection is closed
 * after the answer: the unread body must not be taken for the next request.
 */
@ApplicationScoped
public class PayloadLimit {
    /** Higher runs first: after operator access (100), ahead of the budget guard (60) and the Headroom filter (50). */
    static final int PRIORITY = 90;

    private final long maxBodyBytes;

    public PayloadLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext rc) {
        if (declaredLength(rc.request().getHeader(HttpHeaders.CONTENT_LENGTH)) <= maxBodyBytes) {
            rc.next();
            return;
        }
        if (rc.request().version() != HttpVersion.HTTP_2) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(v -> rc.request().connection().close());
        }
        ApiResponses.error(rc.response(), ErrorType.PAYLOAD_TOO_LARGE,
                "request body exceeds the size limit of " + maxBodyBytes + " bytes");
    }

    private static long declaredLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
