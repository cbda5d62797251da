package io.headroom.quarkus.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Registers Headroom's meters (the shared {@code io.headroom.micrometer.HeadroomMeterBinder}) with the
 * application's Micrometer registry at start-up, so they appear on its own {@code /q/metrics}. A bean only when the
 * application has quarkus-micrometer.
 */
@Singleton
public class HeadroomMicrometerBinding {

    void bind(@Observes StartupEvent start, MeterRegistry registry, HeadroomInterception interception) {
        io.headroom.vertx.HandlerMeters.of(interception.handler()).bindTo(registry);
    }
}
