package io.headroom.quarkus.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds the route filters at runtime init, when configuration and CDI are available. Only called when
 * {@code quarkus.headroom.enabled} was true at build time.
 */
@Recorder
public class HeadroomRecorder {
    /** Filter 1 of 2: reads the bodies Headroom rewrites; {@code restPresent} when the application has Quarkus REST. */
    public Handler<RoutingContext> bodyReader(boolean restPresent) {
        // Resolving the bean here creates it (and the Headroom bean) at startup, so invalid configuration fails the start.
        return Arc.container().instance(HeadroomInterception.class).get().bodyReader(restPresent);
    }

    /** Filter 2 of 2: rewrites them. */
    public Handler<RoutingContext> routeFilter() {
        return Arc.container().instance(HeadroomInterception.class).get().rewriter();
    }
}
