package io.headroom.quarkus.runtime;

import io.headroom.Headroom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} entry "headroom": UP when the Headroom bean can be obtained and its CCR
 * store accepts and holds a probe entry. Registered by the deployment processor only when the
 * application has the SmallRye Health extension.
 */
@Readiness
@ApplicationScoped
public class HeadroomReadinessCheck implements HealthCheck {
    static final String NAME = "headroom";

    private final Instance<Headroom> headroom;

    public HeadroomReadinessCheck(Instance<Headroom> headroom) {
        this.headroom = headroom;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named(NAME);
        Headroom h;
        try {
            h = headroom.get();
        } catch (RuntimeException e) {
            // the bean failed to build: say which exception, never its message (may carry config values)
            return r.down().withData("headroom", "unavailable: " + e.getClass().getSimpleName()).build();
        }
        boolean store = h.storeUsable();
        return r.status(store)
                .withData("mode", h.config().mode().wireName())
                .withData("ccr_store", store ? "usable" : "failed put/get probe")
                .build();
    }
}
