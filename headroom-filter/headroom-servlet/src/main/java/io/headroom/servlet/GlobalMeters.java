package io.headroom.servlet;

import io.headroom.host.HeadroomLog;
import java.util.function.Function;

/**
 * A filter the container built from init-params has no registry handed to it: when the application has
 * Micrometer, its meters go to Micrometer's global registry ({@code Metrics.globalRegistry}, which Spring Boot and
 * most frameworks feed into their own), unless the init-param {@value #INIT_PARAM} is {@code false}. Kept apart
 * so the filter never loads a Micrometer class when there is none.
 */
final class GlobalMeters {
    private static final HeadroomLog LOG = HeadroomLog.of(GlobalMeters.class);
    static final String INIT_PARAM = "metrics.global-registry";
    private static final String METRICS = "io.micrometer.core.instrument.Metrics";

    private GlobalMeters() {
    }

    static boolean wanted(Function<String, String> initParams) {
        String value = initParams.apply(INIT_PARAM);
        if (value != null && !value.isBlank() && !"true".equalsIgnoreCase(value.strip())
                && !"false".equalsIgnoreCase(value.strip())) {
            throw new IllegalArgumentException(INIT_PARAM + " must be true or false, got '" + value + "'");
        }
        return (value == null || value.isBlank() || Boolean.parseBoolean(value.strip())) && micrometerPresent();
    }

    static void bind(HeadroomFilter filter) {
        Binding.bind(filter);
        LOG.info("Headroom meters registered with Micrometer's global registry ({}=false turns this off)", INIT_PARAM);
    }

    /**
     * The Micrometer calls, in a class of their own: verifying a class that passes Micrometer types around loads
     * them, so this one is loaded only once {@link #wanted} found Micrometer.
     */
    private static final class Binding {
        static void bind(HeadroomFilter filter) {
            FilterMeters.of(filter).bindTo(io.micrometer.core.instrument.Metrics.globalRegistry);
        }
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName(METRICS, false, GlobalMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
