package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.ccr.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quarkus.headroom.ccr.backend=redis} with {@code quarkus.headroom.ccr.redis.*} against a real redis-server:
 * the application starts, and an original the route filter compresses is in that Redis at {@code {prefix}:{hash}},
 * read back here with a client of its own.
 */
class HeadroomRedisBackendTest {
    private static final Pattern MARKER_HASH = Pattern.compile("hash=([0-9a-f]+)");
    /**
     * Declared before APP: the server must be up when the application starts. The class is initialised twice (by
     * JUnit and again in the application's class loader), so one server is kept JVM-wide in the system properties.
     */
    private static final String REDIS_URL = sharedRedisUrl();
    private static final String URL_KEY = "headroom.test.quarkus-redis.url";
    private static final String STOP_KEY = "headroom.test.quarkus-redis.stop";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.ccr.backend", "redis")
            .overrideConfigKey("quarkus.headroom.ccr.redis.url", REDIS_URL)
            .overrideConfigKey("quarkus.headroom.ccr.redis.key-prefix", "quarkus-ccr")
            .overrideConfigKey("quarkus.headroom.ccr.redis.timeout-ms", "1500")
            .overrideConfigKey("quarkus.headroom.ccr.redis.connect-timeout-ms", "3000");

    @Inject
    Headroom headroom;

    @AfterAll
    static void stopRedis() {
        System.getProperties().remove(URL_KEY);
        if (System.getProperties().remove(STOP_KEY) instanceof Runnable stop) {
            stop.run();
        }
    }

    @Test
    void theOptionsReachTheCore() {
        assertEquals("redis", headroom.config().ccr().backend());
        assertEquals(REDIS_URL, headroom.config().ccr().redisUrl().orElseThrow());
        assertEquals("quarkus-ccr", headroom.config().ccr().redisKeyPrefix());
        assertTrue(headroom.storeUsable(), "the Redis answers");
    }

    @Test
    void aCompressedOriginalIsStoredInRedisUnderThePrefix() {
        Response r = given().contentType("application/json").body(Fixtures.openAiChatRequest()).post("/v1/chat/completions");

        assertEquals(200, r.statusCode());
        assertEquals("true", r.header("x-headroom-compressed"));
        Matcher m = MARKER_HASH.matcher(Fixtures.openAiToolContent(Fixtures.parse(r.asByteArray())));
        assertTrue(m.find(), "the tool output carries a marker");
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertEquals(Fixtures.logs().toString(), c.sync().get("quarkus-ccr:" + m.group(1)),
                    "the original's bytes at {prefix}:{hash}");
            assertTrue(c.sync().ttl("quarkus-ccr:" + m.group(1)) > 0, "stored with a TTL");
        } finally {
            client.shutdown();
        }
    }

    private static String sharedRedisUrl() {
        synchronized (System.getProperties()) {
            if (System.getProperties().get("headroom.test.quarkus-redis.url") instanceof String url) {
                return url;
            }
            RedisServerProcess redis = startRedis();
            Runnable stop = () -> {
                try {
                    redis.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            System.getProperties().put("headroom.test.quarkus-redis.stop", stop);
            System.getProperties().put("headroom.test.quarkus-redis.url", redis.url());
            return redis.url();
        }
    }

    private static RedisServerProcess startRedis() {
        try {
            return RedisServerProcess.started();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
