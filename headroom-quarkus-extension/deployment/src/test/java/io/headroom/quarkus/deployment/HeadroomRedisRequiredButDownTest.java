package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quarkus.headroom.ccr.backend=redis} with no Redis listening at the URL and {@code required} left at its
 * default (true): the application does not start, and the failure names the URL (no silent fallback to Ehcache).
 */
class HeadroomRedisRequiredButDownTest {
    /** A loopback port nothing listens on (bound, then released). */
    private static final String URL = "redis://127.0.0.1:" + freePort();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.ccr.backend", "redis")
            .overrideConfigKey("quarkus.headroom.ccr.redis.url", URL)
            .overrideConfigKey("quarkus.headroom.ccr.redis.connect-timeout-ms", "1000")
            .assertException(StartupFailures.mentioning(URL));

    @Test
    void startupFails() {
        fail("the application must not start");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
