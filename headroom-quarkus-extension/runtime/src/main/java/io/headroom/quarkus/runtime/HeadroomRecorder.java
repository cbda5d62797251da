package io.headroom.quarkus.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Builds the route filters at runtime init, when configuration and CDI are available. */
@Recorder
public class HeadroomRecorder {
    private final RuntimeValue<HeadroomRuntimeConfig> config;

    public HeadroomRecorder(RuntimeValue<HeadroomRuntimeConfig> config) {
        this.config = config;
    }

    /** Filter 1 of 2: reads the bodies Headroom rewrites; {@code restPresent} when the application has Quarkus REST. */
    public Handler<RoutingContext> bodyReader(boolean restPresent) {
        // Resolving the bean here creates it (and the Headroom bean) at startup, so invalid configuration fails the start.
        HeadroomInterception interception = Arc.container().instance(HeadroomInterception.class).get();
        return config.getValue().enabled() ? interception.bodyReader(restPresent) : RoutingContext::next;
    }

    /** Filter 2 of 2: rewrites them. */
    public Handler<RoutingContext> routeFilter() {
        HeadroomInterception interception = Arc.container().instance(HeadroomInterception.class).get();
        return config.getValue().enabled() ? interception.rewriter() : RoutingContext::next;
    }
}
