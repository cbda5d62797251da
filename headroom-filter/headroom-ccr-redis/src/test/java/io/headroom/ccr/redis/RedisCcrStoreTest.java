package io.headroom.ccr.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redis backend against a real redis-server: layout read back with Lettuce, TTL, validation, bounds. */
class RedisCcrStoreTest {
    private static final String HASH = "0123456789abcdef01234567";
    private static final String ORIGINAL = "[{\"id\":1,\"msg\":\"héllo → wörld\"},{\"id\":2}]";
    private static RedisServerProcess redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, byte[]> connection;
    private static RedisCommands<String, byte[]> raw;
    private CcrStore store;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.started();
        client = RedisClient.create(redis.url());
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        raw = connection.sync();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        connection.close();
        client.shutdown();
        redis.close();
    }

    @BeforeEach
    void open() {
        raw.flushall();
        store = open(config().build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CcrConfig.Builder config() {
        return CcrConfig.builder().backend("redis").redisUrl(redis.url());
    }

    private static CcrStore open(CcrConfig config) {
        return new RedisCcrBackend().open(config);
    }

    private static CcrEntry entry(String original) {
        return new CcrEntry(original, 42, 2, 1, "search_logs", Instant.parse("2026-03-14T10:00:00Z"));
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void storesThePayloadBytesAtPrefixColonHashWithTheTtlAndMetadataBeside() {
        assertTrue(store.put(HASH, entry(ORIGINAL)));

        assertArrayEquals(ORIGINAL.getBytes(StandardCharsets.UTF_8), raw.get("ccr:" + HASH), "the original's layout");
        long ttl = raw.ttl("ccr:" + HASH);
        assertTrue(ttl > 3500 && ttl <= 3600, "SETEX with ccr.ttl-seconds: " + ttl);
        Map<String, byte[]> meta = raw.hgetall("ccr:" + HASH + ":meta");
        assertEquals("search_logs", text(meta.get("tool_name")));
        assertEquals("42", text(meta.get("original_tokens")));
        assertEquals("2", text(meta.get("original_item_count")));
        assertEquals("1", text(meta.get("compressed_item_count")));
        assertTrue(raw.ttl("ccr:" + HASH + ":meta") > 3500);

        CcrHit first = store.retrieve(HASH).orElseThrow();
        CcrHit second = store.retrieve(HASH).orElseThrow();
        assertEquals(ORIGINAL, second.entry().original());
        assertEquals(new CcrEntry(ORIGINAL, 42, 2, 1, "search_logs", Instant.parse("2026-03-14T10:00:00Z")),
                second.entry());
        assertEquals(1, first.retrievalCount());
        assertEquals(2, second.retrievalCount());
        assertEquals("2", text(raw.get("ccr:" + HASH + ":retrievals")), "an INCR counter beside the payload");

        // a put of the same original again restarts the TTL and keeps the count
        assertTrue(store.put(HASH, entry(ORIGINAL)));
        assertEquals(3, store.retrieve(HASH).orElseThrow().retrievalCount());
        assertEquals(1, store.stats().stored());
    }

    @Test
    void readsAnOriginalTheOriginalProjectWrote() {
        raw.setex("ccr:" + HASH, 60, ORIGINAL.getBytes(StandardCharsets.UTF_8)); // payload only, no metadata

        CcrHit hit = store.retrieve(HASH).orElseThrow();

        assertEquals(ORIGINAL, hit.entry().original());
        assertNull(hit.entry().toolName());
        assertEquals(1, hit.retrievalCount());
    }

    @Test
    void keyPrefixIsConfigurable() {
        try (CcrStore other = open(config().redisKeyPrefix("team-a:ccr").build())) {
            assertTrue(other.put(HASH, entry(ORIGINAL)));
            assertEquals(ORIGINAL, text(raw.get("team-a:ccr:" + HASH)));
            assertFalse(store.contains(HASH), "another prefix, another store");
        }
    }

    @Test
    void anIsolatedCallersKeysCarryItsScope() {
        assertTrue(store.put("k-0011aabb", HASH, entry(ORIGINAL)));

        assertEquals(ORIGINAL, text(raw.get("ccr:k-0011aabb:" + HASH)));
        assertNull(raw.get("ccr:" + HASH));
        assertEquals(Optional.empty(), store.retrieve(HASH), "not found in the shared scope");
        assertEquals(Optional.empty(), store.retrieve("k-other", HASH), "nor in another caller's");
        assertEquals(ORIGINAL, store.retrieve("k-0011aabb", HASH).orElseThrow().entry().original());

        // a scope that is not a plain token is hashed, never spliced into the key
        assertTrue(store.put("evil:* \r\nFLUSHALL", HASH, entry(ORIGINAL)));
        assertTrue(raw.keys("ccr:s-*").stream().anyMatch(k -> k.matches("ccr:s-[0-9a-f]{32}:" + HASH)));
    }

    @Test
    void anOriginalExpiresWithItsTtl() throws Exception {
        try (CcrStore shortLived = open(config().ttl(Duration.ofSeconds(1)).build())) {
            assertTrue(shortLived.put(HASH, entry(ORIGINAL)));
            assertTrue(shortLived.contains(HASH));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (shortLived.contains(HASH) && System.nanoTime() < deadline) Thread.sleep(100);
            assertFalse(shortLived.contains(HASH), "expired by Redis");
            assertEquals(Optional.empty(), shortLived.retrieve(HASH));
            assertEquals(0, raw.exists("ccr:" + HASH, "ccr:" + HASH + ":meta"));
        }
    }

    @Test
    void aHashThatIsNotLowerCaseHexOrTooLongIsRefusedBeforeAnyRedisCall() {
        long evalsBefore = evalCalls();
        for (String bad : new String[] {"", "ABCDEF012345", "../../etc", "a*", "ccr:x", "0123 4567", "abc\r\nFLUSHALL",
                "a".repeat(RedisKeys.MAX_HASH_LENGTH + 1)}) {
            assertFalse(store.put(bad, entry(ORIGINAL)), bad);
            assertEquals(Optional.empty(), store.retrieve(bad), bad);
            assertFalse(store.contains(bad), bad);
        }
        assertEquals(evalsBefore, evalCalls(), "no script ran for a bad hash");
        assertEquals(0, raw.dbsize());
        assertTrue(store.put("a".repeat(RedisKeys.MAX_HASH_LENGTH), entry(ORIGINAL)), "the longest valid hash");
    }

    @Test
    void anOriginalOverMaxOriginalBytesIsNotStored() {
        int bytes = ORIGINAL.getBytes(StandardCharsets.UTF_8).length;
        try (CcrStore tight = open(config().maxOriginalBytes(bytes - 1).build())) {
            assertFalse(tight.put(HASH, entry(ORIGINAL)));
            assertEquals(0, raw.dbsize());
            assertEquals(1, tight.stats().refused());
        }
        try (CcrStore exact = open(config().maxOriginalBytes(bytes).build())) {
            assertTrue(exact.put(HASH, entry(ORIGINAL)), "the bound is inclusive, in UTF-8 bytes");
        }
    }

    private static long evalCalls() {
        String info = text(raw.info("commandstats").getBytes(StandardCharsets.UTF_8));
        for (String line : info.split("\r\n")) {
            if (line.startsWith("cmdstat_eval:calls=")) {
                return Long.parseLong(line.substring("cmdstat_eval:calls=".length(), line.indexOf(',')));
            }
        }
        return 0;
    }
}
