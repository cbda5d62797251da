package io.headroom.ccr.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CapturedLog;
import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrStore;
import io.headroom.InvalidConfigException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Redis down at start-up and Redis dropping mid-traffic, against a real redis-server that is killed and restarted. */
class RedisFaultsTest {
    private static final String HASH = "00112233445566778899aabb";
    private static final CcrEntry ENTRY = new CcrEntry("original", 1, 0, 0, null, Instant.now());

    private static CcrConfig.Builder config(String url) {
        return CcrConfig.builder().backend("redis").redisUrl(url).redisConnectTimeoutMs(500).redisTimeoutMs(500);
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void anUnreachableRequiredRedisFailsStartUpNamingTheUrlWithThePasswordMasked() throws Exception {
        RedisServerProcess redis = RedisServerProcess.started();
        int port = redis.port();
        redis.stop();
        String url = "redis://default:s3cret-pass@127.0.0.1:" + port + "/0";

        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new RedisCcrBackend().open(config(url).build()));

        assertEquals(CcrConfig.REDIS_URL, e.option());
        assertTrue(e.getMessage().contains("redis://default:***@127.0.0.1:" + port + "/0"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pass"), e.getMessage());
        assertFalse(config(url).build().toString().contains("s3cret-pass"), "config dumps mask it too");
    }

    @Test
    void notRequiredStartsWithoutRedisRefusesPutsAndConnectsWhenItComes() throws Exception {
        RedisServerProcess redis = RedisServerProcess.started();
        redis.stop();
        try (CapturedLog log = CapturedLog.of(RedisCcrBackend.class);
             CcrStore store = new RedisCcrBackend().open(config(redis.url()).redisRequired(false).build())) {
            assertEquals(1, log.messages(Level.WARNING).size(), "one WARN: started without Redis");
            assertFalse(store.put(HASH, ENTRY), "no original stored, so no marker may go out");

            redis.start();
            eventually(() -> store.put(HASH, ENTRY), "a put succeeds once Redis is up");
            assertEquals("original", store.retrieve(HASH).orElseThrow().entry().original());
        } finally {
            redis.close();
        }
    }

    @Test
    void redisDroppingMidTrafficRefusesPutsWarnsOnceAndRecoversWithoutRestart() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.started();
             CapturedLog log = CapturedLog.of(RedisCcrStore.class);
             RedisCcrStore store = (RedisCcrStore) new RedisCcrBackend().open(config(redis.url()).build())) {
            assertTrue(store.put(HASH, ENTRY));
            assertTrue(store.reachable());

            redis.stop();
            for (int i = 0; i < 20; i++) {
                assertFalse(store.put(HASH, ENTRY), "refused while Redis is down");
                assertTrue(store.retrieve(HASH).isEmpty());
            }
            assertFalse(store.reachable());
            assertEquals(1, log.messages(Level.WARNING).size(), "one WARN per outage, not one per request");

            redis.start(); // a restarted Redis without persistence: the old original is gone, new puts work
            eventually(() -> store.put(HASH, ENTRY), "a put succeeds once Redis is back");
            assertTrue(store.reachable());
            assertEquals(1, log.messages(Level.INFO).size(), "one INFO when it is back");
            assertEquals("original", store.retrieve(HASH).orElseThrow().entry().original());

            redis.stop();
            assertFalse(store.put(HASH, ENTRY));
            assertEquals(2, log.messages(Level.WARNING).size(), "a second outage warns again");
        }
    }
}
