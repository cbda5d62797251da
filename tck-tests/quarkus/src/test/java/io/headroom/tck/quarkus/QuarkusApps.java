package io.headroom.tck.quarkus;

import io.headroom.conformance.BodyLimits;
import io.headroom.conformance.ConformanceContract;
import io.quarkus.test.QuarkusUnitTest;
import java.util.Map;
import java.util.Set;

/** A Quarkus application with the Headroom extension configured the contract's way, around a downstream. */
final class QuarkusApps {
    /**
     * The extension's property for each core option the contract sets. Quarkus only warns about an
     * unknown key, so an option missing here fails the test class instead of being silently ignored.
     */
    private static final Map<String, String> PROPERTIES = Map.of("max-body-bytes", "quarkus.headroom.max-body-size",
            BodyLimits.BODY_READ_TIMEOUT_OPTION, "quarkus.headroom.body-read-timeout",
            ConformanceContract.IMAGE_ENABLED_OPTION, "quarkus.headroom.image.enabled",
            ConformanceContract.COMPRESSION_DEADLINE_OPTION, "quarkus.headroom.compression-deadline");
    /** Options in milliseconds that Quarkus reads as a duration. */
    private static final Set<String> MILLISECONDS =
            Set.of(BodyLimits.BODY_READ_TIMEOUT_OPTION, ConformanceContract.COMPRESSION_DEADLINE_OPTION);

    private QuarkusApps() {
    }

    static QuarkusUnitTest withDownstream(Class<?>... downstream) {
        QuarkusUnitTest app = new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(downstream).addClass(QuarkusApps.class))
                .overrideConfigKey("quarkus.http.test-port", "0");
        // h2c stays on: quarkus.http.http2 defaults to true, which keeps Vert.x's cleartext HTTP/2 enabled
        ConformanceContract.HEADROOM_OPTIONS.forEach((option, value) -> {
            String property = PROPERTIES.get(option);
            if (property == null) {
                throw new IllegalStateException("no Quarkus property for the contract's option " + option);
            }
            app.overrideConfigKey(property, MILLISECONDS.contains(option) ? value + "ms" : value);
        });
        // the read limit of the contract: Quarkus answers past it, and Headroom reads up to it
        app.overrideConfigKey("quarkus.http.limits.max-body-size", Integer.toString(BodyLimits.READ_LIMIT_BYTES));
        return app;
    }
}
