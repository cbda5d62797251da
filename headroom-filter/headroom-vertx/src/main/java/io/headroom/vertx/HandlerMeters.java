package io.headroom.vertx;

import io.headroom.micrometer.HeadroomMeterBinder;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Headroom's meters for one {@link HeadroomHandler} ({@link HeadroomMeterBinder}: requests, tokens, latency, CCR,
 * retrieve rounds, and the handler's pass-through counts by cause): {@code HandlerMeters.of(handler).bindTo(registry)},
 * once per registry. Kept out of {@link HeadroomHandler} so that the handler names no Micrometer type and loads in
 * an application without Micrometer, whatever inspects it.
 */
public final class HandlerMeters {
    private HandlerMeters() {
    }

    public static MeterBinder of(HeadroomHandler handler) {
        return new HeadroomMeterBinder(handler.headroom(), handler.admission());
    }
}
