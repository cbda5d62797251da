package io.headroom.quarkus.runtime;

import io.headroom.host.HeadroomLog;
import io.headroom.vertx.StatsHandler;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds the route filters at runtime init, when configuration and CDI are available. Only called when
 * {@code quarkus.headroom.enabled} was true at build time.
 */
@Recorder
public class HeadroomRecorder {
    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomRecorder.class);

    /** Filter 1 of 2: reads the bodies Headroom rewrites; {@code restPresent} when the application has Quarkus REST. */
    public Handler<RoutingContext> bodyReader(boolean restPresent) {
        // Resolving the bean here creates it (and the Headroom bean) at startup, so invalid configuration fails the start.
        return Arc.container().instance(HeadroomInterception.class).get().bodyReader(restPresent);
    }

    /** Filter 2 of 2: rewrites them. */
    public Handler<RoutingContext> routeFilter() {
        return Arc.container().instance(HeadroomInterception.class).get().rewriter();
    }

    /** The stats endpoint on the application's router, when {@code quarkus.headroom.stats.enabled} is true. */
    public void statsRoute(RuntimeValue<Router> router) {
        StatsGroup stats = Arc.container().instance(HeadroomRuntimeConfig.class).get().stats();
        if (!stats.enabled()) {
            return;
        }
        String path = stats.path().strip();
        if (!path.startsWith("/") || path.contains("*")) {
            throw new IllegalArgumentException(
                    "quarkus.headroom.stats.path must be a path starting with '/', got '" + stats.path() + "'");
        }
        HeadroomInterception interception = Arc.container().instance(HeadroomInterception.class).get();
        router.getValue().get(path).handler(StatsHandler.of(interception.handler()));
        LOG.info("Headroom answers GET {} with its stats (loopback callers only)", path);
    }
}
