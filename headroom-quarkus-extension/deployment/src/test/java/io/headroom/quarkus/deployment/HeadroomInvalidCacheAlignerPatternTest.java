package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cache-aligner pattern that is not a regular expression stops the application at startup, naming the property. */
class HeadroomInvalidCacheAlignerPatternTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.cache-aligner.patterns", "req-\\d+,build-(")
            .assertException(t -> {
                Throwable c = t;
                while (c != null && !(c instanceof ConfigurationException)) {
                    c = c.getCause();
                }
                if (c == null) {
                    fail("expected a ConfigurationException, got " + t);
                }
                assertTrue(c.getMessage().contains("quarkus.headroom.cache-aligner.patterns"), c.getMessage());
                assertTrue(c.getMessage().contains("build-("), c.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
