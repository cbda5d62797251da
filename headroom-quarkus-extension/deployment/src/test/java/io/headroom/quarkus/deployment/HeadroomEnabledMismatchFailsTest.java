package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code quarkus.config.build-time-mismatch-at-runtime=fail}, a changed {@code enabled} stops the start. */
class HeadroomEnabledMismatchFailsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.headroom.enabled", "true")
            .overrideRuntimeConfigKey("quarkus.headroom.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.config.build-time-mismatch-at-runtime", "fail")
            .assertException(StartupFailures.mentioning("quarkus.headroom.enabled is set to 'false' but it is build time fixed to 'true'"));

    @Test
    void applicationDoesNotStart() {
        fail("the application must not start");
    }
}
