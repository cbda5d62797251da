package io.headroom.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Retrieves every hash handed out during the run, from loopback with the credential of the caller it
 * was handed to, and checks the original is byte-identical: a CCR hash is the first 24 hex digits of
 * the SHA-256 of the original's UTF-8 bytes, so the answer proves itself.
 */
final class HashAudit {
    static final String OK = "ok";
    static final String MISSING = "missing-404";
    static final String CORRUPT = "not-byte-identical";
    static final String GATEWAY_DOWN = "gateway-down";

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final URI base;

    HashAudit(HttpClient client, ObjectMapper mapper, URI base) {
        this.client = client;
        this.mapper = mapper;
        this.base = base;
    }

    /**
     * Outcome -> count over all entries and over those handed out before the kill, plus up to 5
     * examples of each failure.
     */
    record Result(Map<String, Long> outcomes, Map<String, Long> outcomesBeforeKill, Map<String, List<String>> examples) {
        long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    Result audit(List<HashLedger.Entry> entries, java.util.function.Predicate<HashLedger.Entry> beforeKill)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (HashLedger.Entry e : entries) {
                checks.add(threads.submit(() -> check(e)));
            }
            Map<String, Long> outcomes = new TreeMap<>();
            Map<String, Long> outcomesBeforeKill = new TreeMap<>();
            Map<String, List<String>> examples = new TreeMap<>();
            for (int i = 0; i < checks.size(); i++) {
                String outcome = checks.get(i).get();
                outcomes.merge(outcome, 1L, Long::sum);
                if (beforeKill.test(entries.get(i))) {
                    outcomesBeforeKill.merge(outcome, 1L, Long::sum);
                }
                if (!outcome.equals(OK)) {
                    List<String> ex = examples.computeIfAbsent(outcome, k -> new ArrayList<>());
                    if (ex.size() < 5) {
                        ex.add(entries.get(i).hash());
                    }
                }
            }
            return new Result(outcomes, outcomesBeforeKill, examples);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The result when the gateway never came back: every entry counted as {@value #GATEWAY_DOWN}. */
    static Result gatewayDown(List<HashLedger.Entry> entries, java.util.function.Predicate<HashLedger.Entry> beforeKill) {
        long before = entries.stream().filter(beforeKill).count();
        return new Result(Map.of(GATEWAY_DOWN, (long) entries.size()), before == 0 ? Map.of() : Map.of(GATEWAY_DOWN, before),
                Map.of());
    }

    private String check(HashLedger.Entry e) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/v1/retrieve")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hash\":\"" + e.hash() + "\"}"));
        e.owner().applyTo(b);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return MISSING;
            }
            if (r.statusCode() != 200) {
                return "http-" + r.statusCode();
            }
            JsonNode original = mapper.readTree(r.body()).path("original_content");
            return original.isTextual() && contentHash(original.asText()).equals(e.hash()) ? OK : CORRUPT;
        } catch (IOException ex) {
            return "io-error";
        }
    }

    /** The CCR key of {@code original}: 24 hex digits of its SHA-256. */
    static String contentHash(String original) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(original.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
