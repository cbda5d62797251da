package io.headroom.jaxrs;

import io.headroom.micrometer.HeadroomMeterBinder;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Headroom's meters for one {@link HeadroomFeature} ({@link HeadroomMeterBinder}: requests, tokens, latency, CCR,
 * retrieve rounds, and the filter's pass-through counts by cause): {@code JaxRsMeters.of(feature).bindTo(registry)},
 * once per registry. Kept out of the feature and the filters so that a JAX-RS runtime, which inspects the classes
 * it is given, loads them without Micrometer.
 */
public final class JaxRsMeters {
    private JaxRsMeters() {
    }

    public static MeterBinder of(HeadroomFeature feature) {
        return new HeadroomMeterBinder(feature.headroom(), feature.requestFilter().admission());
    }
}
