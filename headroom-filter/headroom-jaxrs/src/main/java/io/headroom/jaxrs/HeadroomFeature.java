package io.headroom.jaxrs;

import io.headroom.BodyReadConfig;
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
    private final BodyReadConfig bodyRead;

    public HeadroomFeature(Headroom headroom) {
        this(headroom, BodyReadConfig.defaults());
    }

    /** @param bodyRead bounds of the bodies held at once ({@code max-buffered-body-bytes}) */
    public HeadroomFeature(Headroom headroom, BodyReadConfig bodyRead) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
        this.bodyRead = Objects.requireNonNull(bodyRead, "bodyRead");
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new HeadroomContainerRequestFilter(headroom, bodyRead));
        context.register(new HeadroomContainerResponseFilter());
        return true;
    }
}
