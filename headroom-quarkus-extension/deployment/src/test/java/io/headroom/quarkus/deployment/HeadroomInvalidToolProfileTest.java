package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An invalid tool-profile bound stops the application at startup, naming the profile's own property. */
class HeadroomInvalidToolProfileTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.tool-profiles.search_logs.max-items-after-crush", "0")
            .assertException(t -> {
                Throwable c = t;
                while (c != null && !(c instanceof ConfigurationException)) {
                    c = c.getCause();
                }
                if (c == null) {
                    fail("expected a ConfigurationException, got " + t);
                }
                assertTrue(c.getMessage().contains("quarkus.headroom.tool-profiles.search_logs.max-items-after-crush"),
                        c.getMessage());
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
