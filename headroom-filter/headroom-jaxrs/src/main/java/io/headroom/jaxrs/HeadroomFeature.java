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
    private final HeadroomContainerRequestFilter requests;

    public HeadroomFeature(Headroom headroom) {
        this(headroom, BodyReadConfig.defaults());
    }

    /** @param bodyRead bounds of the bodies held at once ({@code max-buffered-body-bytes}) */
    public HeadroomFeature(Headroom headroom, BodyReadConfig bodyRead) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
        this.requests = new HeadroomContainerRequestFilter(headroom, Objects.requireNonNull(bodyRead, "bodyRead"));
    }

    Headroom headroom() {
        return headroom;
    }

    /** The one request filter this feature registers: its admission policy counts the pass-throughs. */
    HeadroomContainerRequestFilter requestFilter() {
        return requests;
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(requests);
        context.register(new HeadroomContainerResponseFilter());
        return true;
    }
}
