package io.headroom.sample;

import io.headroom.ErrorType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Route handlers that make the request body available as {@code rc.body().buffer()}, and the
 * failure handler that turns what goes wrong on our routes into the JSON error shape. On the
 * proxied paths the Headroom filter has usually read (and rewritten) the body already; then it is
 * used as is.
 */
@ApplicationScoped
public class RequestBodies {
    private static final Logger LOG = Logger.getLogger(RequestBodies.class);

    private final BodyHandler bodyHandler;

    public RequestBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.bodyHandler = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
    }

    /** Reads the body unless an earlier handler (the Headroom filter) already did. */
    public Handler<RoutingContext> reader() {
        return reader(bodyHandler);
    }

    /** As {@link #reader()}, refusing bodies over {@code limitBytes} with 413 (the failure handler's JSON). */
    public Handler<RoutingContext> reader(long limitBytes) {
        return reader(BodyHandler.create(false).setBodyLimit(limitBytes));
    }

    private static Handler<RoutingContext> reader(BodyHandler handler) {
        return rc -> {
            if (unread(rc)) {
                handler.handle(rc);
            } else {
                rc.next();
            }
        };
    }

    /** True when no earlier handler (the Headroom filter) read the body: it is still in the request stream. */
    public static boolean unread(RoutingContext rc) {
        return rc.body() == null || !rc.body().available() || rc.body().buffer() == null;
    }

    /** Failure handler: JSON error with the status of its type; no content or credentials logged. */
    public Handler<RoutingContext> failures() {
        return failures(null);
    }

    /** As {@link #failures()} on a provider route: a refused body is answered in that provider's shape. */
    Handler<RoutingContext> failures(ProviderErrors provider) {
        return rc -> {
            Throwable failure = rc.failure();
            int status = rc.statusCode();
            if (provider != null && status == 413) {
                provider.write(rc.response(), ProviderErrors.Kind.TOO_LARGE, "request body exceeds the size limit");
            } else if (provider != null && status == 400) {
                provider.write(rc.response(), ProviderErrors.Kind.INVALID_JSON, "bad request");
            } else if (status == 413) {
                ApiResponses.error(rc.response(), ErrorType.PAYLOAD_TOO_LARGE, "request body exceeds the size limit");
            } else if (status == 400) {
                ApiResponses.error(rc.response(), ErrorType.VALIDATION_ERROR, "bad request");
            } else {
                LOG.warnf("%s %s failed: %s", rc.request().method(), rc.request().path(),
                        failure == null ? "status " + status : failure.getClass().getName());
                if (failure != null) {
                    LOG.debugf("%s thrown at %s", failure.getClass().getName(), BlockingJson.where(failure));
                }
                ApiResponses.error(rc.response(), ErrorType.TRANSFORM_ERROR, "internal error");
            }
        };
    }
}
