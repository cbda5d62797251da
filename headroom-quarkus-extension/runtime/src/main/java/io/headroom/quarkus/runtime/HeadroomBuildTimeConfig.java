package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Headroom options fixed when the application is built: they decide what the build wires in, so
 * changing them at run time has no effect (Quarkus warns about the mismatch at startup).
 */
@ConfigMapping(prefix = "quarkus.headroom")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface HeadroomBuildTimeConfig {

    /**
     * Whether Headroom is part of the application. When false the build leaves it out entirely: no
     * request filter, no {@code Headroom} bean, no readiness check and no Dev UI card, so every request
     * reaches the application exactly as the client sent it.
     */
    @WithDefault("true")
    boolean enabled();
}
