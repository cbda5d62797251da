package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A compression pool without threads is refused at startup, naming the property. */
class HeadroomInvalidCompressionThreadsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.compression-threads", "0")
            .assertException(StartupFailures.mentioning("quarkus.headroom.compression-threads"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
