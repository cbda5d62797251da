package io.headroom.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends one legitimate request over the JDK HttpClient and judges the answer: the stub's 200 answer to
 * this very request (its id echoed), or for /v1/compress a 200 with messages. Collects the CCR hashes
 * the caller was handed.
 */
final class NormalClient {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    /** What happened to one request; {@code outcome} is "ok" or a short failure label. */
    record Result(String outcome, long nanos, boolean connectionFailed) {
        boolean ok() {
            return outcome.equals("ok");
        }
    }

    private final java.util.function.Supplier<HttpClient> clients;
    private final ObjectMapper mapper;
    private final URI base;
    private final HashLedger ledger;
    private HttpClient client;
    private long clientGeneration = -1;

    /** {@code clients} makes a new client per gateway generation (see {@link #clientFor}). */
    NormalClient(java.util.function.Supplier<HttpClient> clients, ObjectMapper mapper, URI base, HashLedger ledger) {
        this.clients = clients;
        this.mapper = mapper;
        this.base = base;
        this.ledger = ledger;
    }

    /**
     * A fresh client after every gateway restart: the pooled keep-alive connections of the old one
     * point at a dead process, and a POST sent on one would fail for a reason that is the harness's,
     * not the gateway's.
     */
    private synchronized HttpClient clientFor(long generation) {
        if (generation != clientGeneration) {
            client = clients.get();
            clientGeneration = generation;
        }
        return client;
    }

    /** Sends {@code r} to the gateway of {@code generation} (from {@link GatewayState#awaitUp()}). */
    Result send(NormalRequests.Request r, String id, long generation) throws InterruptedException {
        HttpClient client = clientFor(generation);
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(r.kind().path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header(StubUpstream.ID_HEADER, id)
                .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
        if (r.kind() == NormalRequests.Kind.MESSAGES) {
            b.header("anthropic-version", "2023-06-01");
        }
        r.credential().applyTo(b);
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Result("timeout", System.nanoTime() - t0, false);
        } catch (IOException e) {
            return new Result("io-error", System.nanoTime() - t0, true);
        }
        long nanos = System.nanoTime() - t0;
        return new Result(judge(r, id, response), nanos, false);
    }

    private String judge(NormalRequests.Request r, String id, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return "http-" + response.statusCode();
        }
        JsonNode answer;
        try {
            answer = mapper.readTree(response.body());
        } catch (IOException e) {
            return "not-json";
        }
        if (r.kind() == NormalRequests.Kind.COMPRESS) {
            if (!answer.path("messages").isArray()) {
                return "wrong-answer";
            }
            answer.path("ccr_hashes").forEach(h -> ledger.handedOut(h.asText(), r.credential()));
            return "ok";
        }
        if (!id.equals(answer.path("id").asText())) {
            return "wrong-answer";
        }
        answer.path("soak_hashes").forEach(h -> ledger.handedOut(h.asText(), r.credential()));
        return "ok";
    }
}
