package io.headroom.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.ccr.redis.RedisServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two packaged gateways (replicas A and B, separate JVMs on separate ports) share their CCR originals through one
 * real redis-server ({@code QUARKUS_HEADROOM_CCR_BACKEND=redis}, {@code QUARKUS_HEADROOM_CCR_REDIS_URL}); requests
 * alternate between them. Redis runs with an fsync'd append-only file, as a fleet that must not lose originals in
 * a Redis crash does. The outage test runs last: it kills Redis.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasShareCcrOnRedisIT {
    private static RedisServerProcess redis;
    private static ModelStub model;
    private static GatewayReplica a;
    private static GatewayReplica b;
    private static final Client client = new Client();
    /** Every original any test sent, so a retrieved original can be checked whichever hash it came from. */
    private static final Set<String> sentOriginals = new HashSet<>();

    @BeforeAll
    static void startFleet() throws Exception {
        assertTrue(Files.isRegularFile(GatewayReplica.JAR), "no packaged gateway at " + GatewayReplica.JAR.toAbsolutePath()
                + " (build sample-app with package or verify)");
        redis = RedisServerProcess.startedDurable();
        model = new ModelStub();
        a = GatewayReplica.launch("replica-a", model.baseUrl(), redis.url(), Map.of());
        b = GatewayReplica.launch("replica-b", model.baseUrl(), redis.url(), Map.of());
        a.awaitHealthy();
        b.awaitHealthy();
    }

    @AfterAll
    static void stopFleet() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b, model, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void anOriginalCompressedOnOneReplicaIsRetrievedByteIdenticalOnTheOther() throws Exception {
        for (int i = 0; i < 4; i++) {
            GatewayReplica on = i % 2 == 0 ? a : b;
            GatewayReplica other = i % 2 == 0 ? b : a;

            Client.Answer compressed = client.post(on, "/v1/compress", Client.compress(i));
            assertEquals(200, compressed.status(), compressed.body());
            JsonNode hashes = compressed.json().path("ccr_hashes");
            assertEquals(1, hashes.size(), compressed.body());
            assertOriginal(other, hashes.get(0).asText(), Client.orders(i));
            Client.Answer byGet = client.get(other, "/v1/retrieve/" + hashes.get(0).asText());
            assertEquals(Client.orders(i), byGet.json().path("original_content").asText(), "GET /v1/retrieve/{hash} on " + other);

            int seed = 10 + i;
            String forwarded = chat(on, seed, "Summarize the orders.", false);
            Set<String> markers = ModelStub.markerHashes(forwarded);
            assertEquals(1, markers.size(), "the model got one marker from " + on + ": " + forwarded);
            assertFalse(forwarded.contains("order-" + seed + "-00100"), "the tool output reached the model compressed");
            assertOriginal(other, markers.iterator().next(), Client.orders(seed));
        }
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    @Order(2)
    void theModelsRetrieveCallForAnOriginalStoredByOneReplicaIsAnsweredByTheOther(boolean stream) throws Exception {
        int storedOnA = stream ? 101 : 100;
        String forwardedByA = chat(a, storedOnA, "Summarize the orders.", false);
        String hash = ModelStub.markerHashes(forwardedByA).iterator().next();

        // B compresses its own orders (so it offers headroom_retrieve) and the model asks for A's original
        int results = model.toolResults().size();
        sentOriginals.add(Client.orders(storedOnA + 100));
        Client.Answer answer = client.post(b, "/v1/chat/completions",
                Client.chat(storedOnA + 100, "Compare with recall:" + hash, stream));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("true", answer.compressedHeader());
        assertTrue(answer.body().contains(ModelStub.FINAL_TEXT), answer.body());
        assertFalse(answer.body().contains("headroom_retrieve"), "the client never sees the retrieve call: " + answer.body());
        if (stream) {
            assertTrue(answer.body().strip().endsWith("data: [DONE]"), answer.body());
            assertEquals(answer.body().indexOf("data: [DONE]"), answer.body().lastIndexOf("data: [DONE]"), "one stream");
        }
        List<String> toolResults = model.toolResults();
        assertEquals(results + 1, toolResults.size(), "one retrieve round on B");
        assertEquals(Client.orders(storedOnA), toolResults.get(toolResults.size() - 1),
                "B answered the model with A's original, byte-identical");
    }

    @Test
    @Order(3)
    void anOriginalIsGoneOnceItsTtlPassed() throws Exception {
        long ttlSeconds = 4;
        try (GatewayReplica shortLived = GatewayReplica.launch("replica-ttl", model.baseUrl(), redis.url(),
                Map.of("QUARKUS_HEADROOM_CCR_TTL", ttlSeconds + "S")).awaitHealthy()) {
            Client.Answer compressed = client.post(shortLived, "/v1/compress", Client.compress(300));
            long stored = System.nanoTime();
            String hash = compressed.json().path("ccr_hashes").get(0).asText();
            assertOriginal(a, hash, Client.orders(300));

            // Redis expires a key on the first access after its TTL: no polling, no threshold on our side
            long waitMillis = ttlSeconds * 1_000 + 1_000 - (System.nanoTime() - stored) / 1_000_000;
            Thread.sleep(Math.max(0, waitMillis));
            assertEquals(404, client.retrieve(a, hash).status(), "expired on A");
            assertEquals(404, client.retrieve(b, hash).status(), "expired on B");
        }
    }

    @Test
    @Order(4)
    void aRedisCrashFailsNoRequestAndLeavesNoMarkerWithoutItsOriginal() throws Exception {
        Set<String> compressHashes = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        int seed = 400;
        for (int i = 0; i < 4; i++) {
            traffic(i % 2 == 0 ? a : b, seed++, compressHashes, failures);
        }

        redis.stop();
        // traffic for a few seconds of outage: Lettuce retries meanwhile, the replicas must stay quiet and open
        long outageEnds = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 6 || System.nanoTime() < outageEnds; i++) {
            traffic(i % 2 == 0 ? a : b, seed++, compressHashes, failures);
        }
        Client.Answer notReady = client.get(a, "/readyz");
        assertEquals(503, notReady.status(), notReady.body());
        assertFalse(notReady.json().at("/checks/ccr_store/ready").asBoolean(true), notReady.body());
        assertEquals("redis", notReady.json().at("/checks/ccr_store/backend").asText(), notReady.body());

        redis.start();
        // recovery without restart: both replicas compress again (Lettuce reconnects by itself)
        for (GatewayReplica replica : List.of(a, b)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            boolean compressedAgain = false;
            while (!compressedAgain && System.nanoTime() < deadline) {
                compressedAgain = !ModelStub.markerHashes(traffic(replica, seed++, compressHashes, failures)).isEmpty();
                if (!compressedAgain) {
                    Thread.sleep(250);
                }
            }
            assertTrue(compressedAgain, replica + " did not compress again after Redis came back");
            assertEquals(200, client.get(replica, "/readyz").status(), replica + " ready again");
        }
        assertEquals(List.of(), failures, "no request failed while Redis was down");

        Set<String> everyHash = new LinkedHashSet<>(model.markerHashes());
        everyHash.addAll(compressHashes);
        for (String hash : everyHash) {
            for (GatewayReplica replica : List.of(a, b)) {
                Client.Answer r = client.retrieve(replica, hash);
                assertEquals(200, r.status(), "hash " + hash + " was sent out but " + replica + " cannot retrieve it");
                String original = r.json().path("original_content").asText();
                assertTrue(sentOriginals.contains(original), "hash " + hash + " gives back an original that was not sent: "
                        + original.substring(0, Math.min(300, original.length())));
            }
        }
        for (GatewayReplica replica : List.of(a, b)) {
            List<String> warnings = replica.log().lines().filter(l -> l.contains(" WARN ")).toList();
            assertEquals(1, warnings.size(), "one WARN for the outage on " + replica + ": " + warnings);
            assertTrue(warnings.get(0).contains("is unreachable") && warnings.get(0).contains(redis.url()), warnings.get(0));
        }
    }

    /** One chat request and one /v1/compress on {@code replica}; returns the body the model got. */
    private static String traffic(GatewayReplica replica, int seed, Set<String> compressHashes, List<String> failures)
            throws Exception {
        String forwarded = chat(replica, seed, "Summarize the orders.", false, failures);
        sentOriginals.add(Client.orders(seed + 10_000));
        Client.Answer compressed = client.post(replica, "/v1/compress", Client.compress(seed + 10_000));
        if (compressed.status() != 200) {
            failures.add(replica + " /v1/compress: " + compressed.status() + " " + compressed.body());
        } else {
            compressed.json().path("ccr_hashes").forEach(h -> compressHashes.add(h.asText()));
        }
        return forwarded;
    }

    private static String chat(GatewayReplica replica, int seed, String userText, boolean stream) throws Exception {
        List<String> failures = new ArrayList<>();
        String forwarded = chat(replica, seed, userText, stream, failures);
        assertEquals(List.of(), failures);
        return forwarded;
    }

    /** Sends a chat request to {@code replica}; returns the body the model received for it. */
    private static String chat(GatewayReplica replica, int seed, String userText, boolean stream, List<String> failures)
            throws Exception {
        sentOriginals.add(Client.orders(seed));
        int before = model.forwarded().size();
        Client.Answer answer = client.post(replica, "/v1/chat/completions", Client.chat(seed, userText, stream));
        if (answer.status() != 200) {
            failures.add(replica + " chat: " + answer.status() + " " + answer.body());
            return "";
        }
        List<String> forwarded = model.forwarded();
        assertEquals(before + 1, forwarded.size(), "one forwarded body per request (requests are sequential)");
        return forwarded.get(before);
    }

    private static void assertOriginal(GatewayReplica replica, String hash, String original)
            throws IOException, InterruptedException {
        Client.Answer r = client.retrieve(replica, hash);
        assertEquals(200, r.status(), replica + " cannot retrieve " + hash + ": " + r.body());
        assertEquals(original, r.json().path("original_content").asText(), "byte-identical on " + replica);
    }
}
