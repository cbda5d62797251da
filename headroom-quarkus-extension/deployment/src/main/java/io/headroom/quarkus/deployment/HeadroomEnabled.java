package io.headroom.quarkus.deployment;

import io.headroom.quarkus.runtime.HeadroomBuildTimeConfig;
import java.util.function.BooleanSupplier;

/** Guards every build step that wires Headroom in: {@code quarkus.headroom.enabled=false} leaves it all out. */
class HeadroomEnabled implements BooleanSupplier {
    private final HeadroomBuildTimeConfig config;

    HeadroomEnabled(HeadroomBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return config.enabled();
    }
}
