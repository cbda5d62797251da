package io.headroom.quarkus.runtime;

import io.headroom.Headroom;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Builds the route filter at runtime init, when configuration and CDI are available. */
@Recorder
public class HeadroomRecorder {
    private final RuntimeValue<HeadroomRuntimeConfig> config;

    public HeadroomRecorder(RuntimeValue<HeadroomRuntimeConfig> config) {
        this.config = config;
    }

    public Handler<RoutingContext> routeFilter() {
        HeadroomRuntimeConfig c = config.getValue();
        // Resolving the bean here creates it at startup, so invalid configuration fails the start.
        Headroom headroom = Arc.container().instance(Headroom.class).get();
        int threads = c.compressionThreads().orElse(Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new IllegalArgumentException("quarkus.headroom.compression-threads must be at least 1, got " + threads);
        }
        return new HeadroomRouteFilter(headroom, new InterceptedPaths(c.paths()), c.maxBodySize().asLongValue(),
                new CallerScopes(c.tenantIsolation(), c.tenantHeader().orElse(null)), threads);
    }
}
