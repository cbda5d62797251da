package io.headroom.ccr.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.CapturedLog;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LearnedPattern;
import io.headroom.LlmRequests;
import io.headroom.RequestOutcome;
import io.headroom.internal.learn.SharedLearningStore;
import io.headroom.internal.learn.Toin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * With {@code ccr.backend=redis} the learned state lives in {@code {prefix}:toin:state} (default prefix {@code ccr}): what one replica learned,
 * a replica started afterwards knows; a document that is not a learned state is set aside and learning starts
 * cold; a reset deletes the key; an unreachable Redis at start means a cold start, not a failed one.
 */
class RedisLearningTest {
    private static final String KEY = "ccr:toin:state";

    private static HeadroomConfig config(RedisServerProcess redis) {
        return HeadroomConfig.fromProperties(Map.of("ccr.backend", "redis", "ccr.redis.url", redis.url(),
                "ccr.redis.timeout-ms", "500", "ccr.redis.required", "false", "learning.enabled", "true")::get);
    }

    private static void learn(Headroom headroom) {
        RequestOutcome out = headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
        assertTrue(out.compressed(), out::toString);
        String hash = out.ccrHashes().get(0);
        headroom.retrieve(hash, "checkout");
        headroom.retrieve(hash, null);
    }

    @Test
    void aReplicaStartedLaterSeesWhatAnotherLearnedAndResetDeletesTheKey() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.started();
             RedisClient client = RedisClient.create(redis.url());
             StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> cmd = c.sync();
            HeadroomConfig config = config(redis);
            List<LearnedPattern> learned;
            try (Headroom a = Headroom.create(config)) {
                learn(a);
                learned = a.learning().patterns();
                assertEquals(1, learned.size());
            } // close saves
            String json = cmd.get(KEY);
            assertNotNull(json, "saved to Redis at close");
            assertEquals(-1, cmd.ttl(KEY), "no time-to-live");
            assertEquals(1, new ObjectMapper().readTree(json).path("version").asInt());

            try (Headroom b = Headroom.create(config)) {
                assertEquals(learned, b.learning().patterns(), "replica B starts from A's state");
                b.learning().reset();
                assertEquals(List.of(), b.learning().patterns());
                assertEquals(0, cmd.exists(KEY), "reset deletes the key");
            }
        }
    }

    @Test
    void aCorruptStateIsSetAsideAndLearningStartsCold() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.started();
             RedisClient client = RedisClient.create(redis.url());
             StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> cmd = c.sync();
            for (String content : new String[] {"{not json", "[1, 2]", "{\"version\":7,\"patterns\":{}}"}) {
                cmd.flushall();
                cmd.set(KEY, content);
                try (CapturedLog log = CapturedLog.of(SharedLearningStore.class);
                     Headroom headroom = Headroom.create(config(redis))) {
                    assertEquals(0, headroom.learning().stats().patternsTracked());
                    assertEquals(1, log.messages(Level.WARNING).size(), "one WARN: " + log.messages(Level.WARNING));
                    assertEquals(0, cmd.exists(KEY), "moved away");
                    List<String> aside = cmd.keys(KEY + ":corrupt:*");
                    assertEquals(1, aside.size());
                    assertEquals(content, cmd.get(aside.get(0)), "kept for inspection");
                    learn(headroom);
                }
                assertNotNull(cmd.get(KEY), "the new state is saved over the set-aside one");
            }
        }
    }

    @Test
    void redisDownAtStartMeansAColdStartAndSaveFailuresWarnOncePerOutage() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.started()) {
            Map<String, String> props = new java.util.HashMap<>(Map.of("ccr.backend", "redis", "ccr.redis.url",
                    redis.url(), "ccr.redis.timeout-ms", "300", "ccr.redis.required", "false",
                    "learning.toin.save-interval-seconds", "1"));
            HeadroomConfig config = HeadroomConfig.fromProperties(props::get);
            com.fasterxml.jackson.databind.JsonNode exported;
            try (Headroom a = Headroom.create(config)) {
                learn(a);
                exported = a.learning().exportState();
            }
            redis.stop();
            try (CapturedLog load = CapturedLog.of(SharedLearningStore.class);
                 CapturedLog save = CapturedLog.of(Toin.class);
                 Headroom b = Headroom.create(config)) {
                assertEquals(0, b.learning().stats().patternsTracked(), "cold");
                assertEquals(1, load.messages(Level.WARNING).size(), "one WARN at load");
                b.learning().importState(exported); // changed: the timer tries to save every second
                Thread.sleep(3500);
                assertEquals(1, save.messages(Level.WARNING).size(), "one WARN per outage: " + save.messages(Level.WARNING));
                redis.start();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (save.messages(Level.INFO).isEmpty() && System.nanoTime() < deadline) Thread.sleep(200);
                assertEquals(1, save.messages(Level.INFO).size(), "saved again once Redis answers");
                assertEquals(1, save.messages(Level.WARNING).size());
            }
        }
    }
}
