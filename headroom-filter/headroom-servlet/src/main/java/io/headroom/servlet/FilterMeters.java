package io.headroom.servlet;

import io.headroom.micrometer.HeadroomMeterBinder;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Headroom's meters for one {@link HeadroomFilter} ({@link HeadroomMeterBinder}: requests, tokens, latency, CCR,
 * retrieve rounds, and the filter's pass-through counts by cause): {@code FilterMeters.of(filter).bindTo(registry)},
 * once per registry, after the filter's {@code init} when the container built it. In Spring Boot a bean
 * {@code MeterBinder headroomMeters(FilterRegistrationBean<HeadroomFilter> r) { return registry ->
 * FilterMeters.of(r.getFilter()).bindTo(registry); }} puts them on {@code /actuator/prometheus}.
 *
 * <p>Kept out of {@link HeadroomFilter} so that the filter class names no Micrometer type: a container that
 * inspects a filter's methods (Jetty does for a web.xml filter) must be able to load it without Micrometer.
 */
public final class FilterMeters {
    private FilterMeters() {
    }

    /** @throws IllegalStateException before the filter has its Headroom */
    public static MeterBinder of(HeadroomFilter filter) {
        HeadroomFilter.Admitted a = filter.admittedOrThrow();
        return new HeadroomMeterBinder(a.headroom(), a.admission());
    }
}
