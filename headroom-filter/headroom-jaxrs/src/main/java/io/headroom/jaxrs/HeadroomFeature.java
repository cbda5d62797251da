package io.headroom.jaxrs;

import io.headroom.Headroom;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;

/**
 * Registers both Headroom filters with one call:
 * {@code resourceConfig.register(new HeadroomFeature(headroom))} (Jersey) or by returning it from
 * {@code Application#getSingletons()}. The caller keeps ownership of {@code headroom}.
 */
public final class HeadroomFeature implements Feature {
    private final Headroom headroom;

    public HeadroomFeature(Headroom headroom) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new HeadroomContainerRequestFilter(headroom));
        context.register(new HeadroomContainerResponseFilter());
        return true;
    }
}
