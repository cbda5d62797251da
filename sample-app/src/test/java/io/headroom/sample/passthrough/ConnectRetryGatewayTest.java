package io.headroom.sample.passthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A refused connection is retried: the upstream is down for the first attempt (the gateway logs its retry)
 * and up for the next one, and the client gets the upstream's answer instead of a 502. The upstream only
 * starts once the gateway reported the failed attempt, and the wait before the next one (0.5-1.5 s) leaves
 * it ample time; five attempts allow for a slow start.
 */
@QuarkusTest
@TestProfile(ConnectRetryGatewayTest.DownAtFirst.class)
class ConnectRetryGatewayTest {
    static final int PORT = freePort();

    public static class DownAtFirst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("headroom.gateway.openai-target-url", "http://127.0.0.1:" + PORT,
                    "headroom.gateway.retry.max-attempts", "5",
                    "headroom.gateway.retry.base-delay", "1s",
                    "headroom.gateway.retry.max-delay", "1s");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void refusedConnectionIsRetriedUntilTheUpstreamIsUp() throws Exception {
        CountDownLatch retryLogged = new CountDownLatch(1);
        Handler watch = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage() == null ? "" : String.valueOf(record.getMessage());
                if (message.contains("could not connect") || message.contains("retrying")) {
                    retryLogged.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("io.headroom.sample.UpstreamRetries");
        log.addHandler(watch);
        try {
            CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(base.resolve("v1/chat/completions")).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(UpstreamRetryGatewayTest.CHAT)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(retryLogged.await(30, TimeUnit.SECONDS), "the refused attempt was not retried");
            try (ScriptedUpstream upstream = new ScriptedUpstream(PORT)) {
                upstream.then(ScriptedUpstream.answer(200, "application/json", UpstreamRetryGatewayTest.OK_CHAT));
                HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(UpstreamRetryGatewayTest.OK_CHAT, r.body());
                assertEquals(1, upstream.received().size());
            }
        } finally {
            log.removeHandler(watch);
        }
    }
}
