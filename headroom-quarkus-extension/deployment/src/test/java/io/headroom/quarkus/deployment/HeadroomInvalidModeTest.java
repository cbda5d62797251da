package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An unknown mode is rejected by configuration validation at startup, naming the property. */
class HeadroomInvalidModeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.mode", "turbo")
            .assertException(StartupFailures.mentioning("quarkus.headroom.mode"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
