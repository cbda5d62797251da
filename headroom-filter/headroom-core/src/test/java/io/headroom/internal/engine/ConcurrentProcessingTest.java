package io.headroom.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.host.TenantScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One {@link Headroom} used by 16 threads at once gives every request exactly the bytes a single
 * thread gives it, and every original it stored is retrievable byte-identical, each in its own scope.
 */
class ConcurrentProcessingTest {
    private static final int THREADS = 16;
    private static final int PER_THREAD = 40;
    private static final int DISTINCT = 48;

    record Case(Endpoint endpoint, byte[] body, String scope) {
    }

    /**
     * Learning off: this test retrieves every original in full, which a learning instance rightly answers by
     * keeping more items — the results would then depend on how many retrievals came first, not on threads.
     * The Context Tracker off too: it expands a request with what earlier requests of the same conversation (these
     * cases share one) dropped, so its answers depend on the requests before it, by design.
     */
    private static HeadroomConfig config() {
        return HeadroomConfig.builder().ccr(c -> c.expansionEnabled(false)).learning(l -> l.enabled(false)).build();
    }

    @Test
    void manyThreadsGetTheSingleThreadedResults() throws Exception {
        List<Case> cases = cases();
        List<RequestOutcome> expected = new ArrayList<>();
        try (Headroom single = Headroom.create(config())) {
            for (Case c : cases) {
                expected.add(single.process(c.endpoint(), c.body(), null, c.scope()));
            }
        }
        assertTrue(expected.stream().filter(RequestOutcome::compressed).count() >= DISTINCT / 2,
                "most cases must compress, or the comparison says little");

        try (Headroom shared = Headroom.create(config())) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            Map<String, String> stored = new ConcurrentHashMap<>(); // scope + hash -> original
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int n = 0; n < PER_THREAD; n++) {
                        int i = (thread * 7 + n * 13) % cases.size(); // threads interleave over the same cases
                        Case c = cases.get(i);
                        RequestOutcome got = shared.process(c.endpoint(), c.body(), null, c.scope());
                        RequestOutcome want = expected.get(i);
                        assertArrayEquals(want.body(), got.body(), "case " + i);
                        assertEquals(want.compressed(), got.compressed());
                        assertEquals(want.tokensAfter(), got.tokensAfter());
                        assertEquals(want.ccrHashes(), got.ccrHashes());
                        for (String h : got.ccrHashes()) {
                            assertEquals(originalOf(c), shared.retrieve(h, null, c.scope()).originalContent());
                            stored.put(c.scope() + "/" + h, originalOf(c));
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertEquals(THREADS * PER_THREAD, total);
            assertEquals(0, shared.stats().requestsFailedOpen());
            // nothing lost once every thread is done
            for (Map.Entry<String, String> e : stored.entrySet()) {
                String[] parts = e.getKey().split("/", 2);
                assertEquals(e.getValue(), shared.retrieve(parts[1], null, parts[0]).originalContent());
            }
        }
    }

    private static String originalOf(Case c) {
        try {
            return CorpusCase.MAPPER.readTree(c.body()).path("messages").path(2).path("content").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chat requests with one tool output each (JSON rows or log lines), spread over four tenants. */
    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            ObjectNode req = CorpusCase.MAPPER.createObjectNode();
            req.put("model", "gpt-4o");
            ArrayNode messages = req.putArray("messages");
            messages.addObject().put("role", "user").put("content", "Which requests of batch " + i + " failed?");
            ObjectNode call = messages.addObject().put("role", "assistant");
            call.putNull("content");
            call.putArray("tool_calls").addObject().put("id", "call_" + i).put("type", "function")
                    .putObject("function").put("name", "query").put("arguments", "{}");
            String output = i % 3 == 2 ? logLines(i) : rows(i);
            messages.addObject().put("role", "tool").put("tool_call_id", "call_" + i).put("content", output);
            if (i % 5 == 4) {
                messages.addObject().put("role", "user").put("content", "small " + i); // a tiny tail too
            }
            out.add(new Case(Endpoint.OPENAI_CHAT, CorpusCase.MAPPER.writeValueAsBytes(req),
                    TenantScope.ofCredential("sk-concurrent-" + (i % 4))));
        }
        return out;
    }

    private static String rows(int seed) {
        ArrayNode rows = CorpusCase.MAPPER.createArrayNode();
        for (int i = 0; i < 60 + seed % 40; i++) {
            rows.addObject().put("id", seed * 1000 + i).put("service", "svc-" + (i % 7))
                    .put("status", i % 17 == 5 ? "error" : "ok").put("latency_ms", (seed * 31 + i * 7) % 500)
                    .put("message", "request " + i + " of batch " + seed + " handled");
        }
        return rows.toString();
    }

    private static String logLines(int seed) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            b.append("2026-03-14T10:").append(String.format("%02d:%02d", i / 60, i % 60)).append(' ')
                    .append(i % 29 == 3 ? "ERROR" : "INFO").append(" worker-").append(seed % 5)
                    .append(" processed job ").append(seed * 1000 + i).append(" in ").append((i * 13) % 250)
                    .append(" ms\n");
        }
        return b.toString();
    }
}
