package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Load and soak on loopback: {@value #CONNECTIONS} concurrent HTTP/1.1 connections send a mix of
 * compressible (JSON rows, OpenAI and Anthropic) and small requests for {@code headroom.soak.seconds}
 * (default 30) under 8 API keys. Asserts correctness only, never timings: every response is the stub's
 * 200 answer to that very request; every CCR hash handed out is retrievable afterwards, byte-identical,
 * by its caller (and by no other); and the heap, after GC, is back within 64 MB of its warmed-up
 * baseline (the CCR store legitimately holds the at most 8 x {@value #VARIANTS} originals, a few MB).
 */
@QuarkusTest
@WithTestResource(SoakUpstream.class)
class GatewaySoakTest {
    static final int CONNECTIONS = 64;
    static final int VARIANTS = 256;
    static final int KEYS = 8;
    private static final long HEAP_SLACK_BYTES = 64L << 20;

    private final ObjectMapper mapper = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    record Sent(String path, String key, int variant, byte[] body) {
        boolean compressible() {
            return variant >= 0;
        }
    }

    static String key(int k) {
        return "sk-soak-" + k + "-" + "0123456789abcdef".repeat(2);
    }

    /** Rows whose content depends on {@code variant}: about 2.5k tokens, compressed by SmartCrusher. */
    static String rows(int variant) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(variant * 100 + i).append(",\"service\":\"svc-")
                    .append(i % 5).append("\",\"status\":\"").append(i == variant % 60 ? "error" : "ok")
                    .append("\",\"latency_ms\":").append((variant * 31 + i * 7) % 400).append(",\"region\":\"eu-")
                    .append(variant % 3).append("\"}");
        }
        return b.append(']').toString();
    }

    private Sent request(ThreadLocalRandom rnd) throws Exception {
        String key = key(rnd.nextInt(KEYS));
        int kind = rnd.nextInt(8);
        if (kind < 3) { // small: nothing to compress
            ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o");
            r.putArray("messages").addObject().put("role", "user").put("content", "ping " + rnd.nextInt(1000));
            return new Sent("v1/chat/completions", key, -1, mapper.writeValueAsBytes(r));
        }
        int variant = rnd.nextInt(VARIANTS);
        if (kind < 6) {
            ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o");
            ArrayNode messages = r.putArray("messages");
            messages.addObject().put("role", "user").put("content", "Which service failed?");
            ObjectNode call = messages.addObject().put("role", "assistant");
            call.putNull("content");
            call.putArray("tool_calls").addObject().put("id", "c1").put("type", "function")
                    .putObject("function").put("name", "q").put("arguments", "{}");
            messages.addObject().put("role", "tool").put("tool_call_id", "c1").put("content", rows(variant));
            return new Sent("v1/chat/completions", key, variant, mapper.writeValueAsBytes(r));
        }
        ObjectNode r = mapper.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 64);
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Which service failed?");
        messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "tool_use")
                .put("id", "t1").put("name", "q").putObject("input");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "t1").put("content", rows(variant));
        return new Sent("v1/messages", key, variant, mapper.writeValueAsBytes(r));
    }

    private HttpRequest http(Sent s, String id) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(s.path())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("x-soak-id", id)
                .POST(HttpRequest.BodyPublishers.ofByteArray(s.body()));
        return s.path().endsWith("messages") ? b.header("x-api-key", s.key()).header("anthropic-version", "2023-06-01").build()
                : b.header("Authorization", "Bearer " + s.key()).build();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) { // the least of a few full collections: GC is a hint
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Test
    void holdsUnderLoadWithNothingLost() throws Exception {
        long seconds = Long.getLong("headroom.soak.seconds", 30);
        ExecutorService clientThreads = Executors.newFixedThreadPool(CONNECTIONS);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
        Map<String, Integer> handedOut = new ConcurrentHashMap<>(); // key + " " + hash -> variant
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong compressed = new AtomicLong();

        run(client, clientThreads, 3, handedOut, errors, requests, compressed); // warm-up: JIT, pools, caches
        long baseline = usedHeapAfterGc();
        long warmups = requests.getAndSet(0);
        compressed.set(0);

        long start = System.nanoTime();
        run(client, clientThreads, seconds, handedOut, errors, requests, compressed);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        clientThreads.shutdown();

        assertTrue(errors.isEmpty(), () -> errors.size() + " errors, first: " + errors.peek());
        assertTrue(compressed.get() > 0 && !handedOut.isEmpty(), "the load compressed something");

        // zero lost originals: every hash the model was given is there for its caller, byte-identical
        int checked = 0;
        for (Map.Entry<String, Integer> e : handedOut.entrySet()) {
            String[] keyHash = e.getKey().split(" ");
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("v1/retrieve"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + keyHash[0])
                    .POST(HttpRequest.BodyPublishers.ofString("{\"hash\":\"" + keyHash[1] + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(rows(e.getValue()), mapper.readTree(r.body()).get("original_content").asText());
            checked++;
        }
        String someone = handedOut.keySet().iterator().next();
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(base.resolve("v1/retrieve"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-soak-outsider")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hash\":\"" + someone.split(" ")[1] + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());

        long after = usedHeapAfterGc();
        System.out.printf("soak: %d s, %d connections, %d requests (%d compressed, %.0f req/s), 0 errors, "
                        + "%d originals retrieved byte-identical, heap after GC: baseline %d MB, after %d MB "
                        + "(warm-up %d requests)%n", seconds, CONNECTIONS, requests.get(), compressed.get(),
                requests.get() * 1000.0 / Math.max(1, elapsedMs), checked, baseline >> 20, after >> 20, warmups);
        assertTrue(after < baseline + HEAP_SLACK_BYTES,
                "heap after GC " + (after >> 20) + " MB, baseline " + (baseline >> 20) + " MB");
    }

    private void run(HttpClient client, ExecutorService threads, long seconds, Map<String, Integer> handedOut,
                     ConcurrentLinkedQueue<String> errors, AtomicLong requests, AtomicLong compressed) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            workers.add(threads.submit(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (long n = 0; System.nanoTime() < deadline && errors.size() < 10; n++) {
                    String id = connection + "-" + n;
                    try {
                        Sent s = request(rnd);
                        HttpResponse<byte[]> r = client.send(http(s, id), HttpResponse.BodyHandlers.ofByteArray());
                        requests.incrementAndGet();
                        check(s, id, r, handedOut, compressed);
                    } catch (Exception | AssertionError e) {
                        errors.add(id + ": " + e);
                    }
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get(seconds + 120, TimeUnit.SECONDS); // bounded: a hung request fails the test
        }
    }

    private void check(Sent s, String id, HttpResponse<byte[]> r, Map<String, Integer> handedOut,
                       AtomicLong compressed) throws Exception {
        if (r.statusCode() != 200) {
            throw new AssertionError("status " + r.statusCode() + ": " + new String(r.body()));
        }
        JsonNode answer = mapper.readTree(r.body());
        if (!("soak-" + id).equals(answer.path("id").asText())) {
            throw new AssertionError("not the answer to this request: " + answer.path("id"));
        }
        boolean wasCompressed = "true".equals(r.headers().firstValue("x-headroom-compressed").orElse(null));
        JsonNode hashes = answer.path("hashes");
        if (!s.compressible()) {
            if (wasCompressed || !hashes.isEmpty()) {
                throw new AssertionError("a small request was rewritten");
            }
            return;
        }
        if (!wasCompressed || hashes.size() != 1) {
            throw new AssertionError("compressible request: compressed " + wasCompressed + ", hashes " + hashes);
        }
        compressed.incrementAndGet();
        handedOut.put(s.key() + " " + hashes.get(0).asText(), s.variant());
    }
}
