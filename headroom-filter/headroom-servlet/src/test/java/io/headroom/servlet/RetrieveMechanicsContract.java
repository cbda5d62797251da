package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.BodyReadConfig;
import io.headroom.CapturedLog;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.HeadroomLog;
import io.headroom.host.retrieve.RetrieveTool;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The servlet mechanics of the retrieve loop in one container, over real HTTP/1.1 and h2c: the filter captures the
 * downstream's answer, runs the downstream again with the loop's follow-up, and writes one answer to the client
 * (streamed as it comes); a client that goes away stops the downstream; where the filter cannot answer, it does not
 * inject the tool. The loop is {@link ScriptedRounds}; the downstream is {@link ScriptedModelServlet}.
 * A container implements {@link #start}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RetrieveMechanicsContract {
    /** Prefixes of the filters {@link #start} maps, each in front of {@link ScriptedModelServlet} on {@code /*}. */
    protected static final String ANSWERING = "answering";
    protected static final String DISABLED = "disabled";
    protected static final String ASYNC = "async";
    private static final String CHAT = "/v1/chat/completions";

    /** The client's protocol. */
    public enum Protocol { HTTP_1_1, H2C }

    private final List<Headroom> headrooms = new java.util.ArrayList<>();
    private final Map<Protocol, HttpClient> clients = new java.util.EnumMap<>(Protocol.class);
    private URI base;

    /**
     * Starts the container on a random loopback port (HTTP/1.1 and h2c) with each filter on {@code /<prefix>/*} and
     * {@link ScriptedModelServlet} (async supported) on {@code /*}.
     */
    protected abstract URI start(Map<String, HeadroomFilter> filtersByPrefix) throws Exception;

    protected abstract void stop() throws Exception;

    @BeforeAll
    void startHost() throws Exception {
        Map<String, HeadroomFilter> filters = new LinkedHashMap<>();
        filters.put(ANSWERING, new HeadroomFilter(headroom(), BodyReadConfig.defaults(), ScriptedRounds.STARTER));
        filters.put(DISABLED, new HeadroomFilter(headroom(), BodyReadConfig.defaults(), ScriptedRounds.DISABLED));
        filters.put(ASYNC, new HeadroomFilter(headroom(), BodyReadConfig.defaults(), ScriptedRounds.STARTER));
        base = start(filters);
        clients.put(Protocol.HTTP_1_1, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // Jetty upgrades to h2c only on a request without a body: a GET first, on the connection the POSTs reuse
        HttpResponse<String> warmUp = h2c.send(HttpRequest.newBuilder(base.resolve("/warm-up")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, warmUp.version(), "h2c upgrade");
        clients.put(Protocol.H2C, h2c);
    }

    private Headroom headroom() {
        Headroom headroom = Headroom.create(HeadroomConfig.defaults());
        headrooms.add(headroom);
        return headroom;
    }

    @AfterAll
    void stopHost() throws Exception {
        stop();
        headrooms.forEach(Headroom::close);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void nonStreamedCallIsAnsweredWithAFollowUpThroughTheSameDownstream(Protocol protocol) throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = post(protocol, ANSWERING, id, "json");

        assertEquals(200, response.statusCode());
        assertEquals("{\"choices\":[{\"message\":{\"content\":\"answer after {\"follow_up\":1}\"}}]}", response.body());
        assertEquals(String.valueOf(response.body().length()),
                response.headers().firstValue("content-length").orElse(null));
        assertEquals("true", response.headers().firstValue("x-headroom-compressed").orElse(null));
        List<ScriptedModelServlet.Received> received = ScriptedModelServlet.received(id);
        assertEquals(2, received.size(), "the downstream runs once per round");
        assertTrue(received.get(0).body().contains(RetrieveTool.NAME), "the first request carries the tool");
        assertEquals("{\"follow_up\":1}", received.get(1).body());
        assertEquals("15", received.get(1).contentLength(), "the follow-up's own length");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void streamedCallIsAnsweredAndEveryEventReachesTheClientAsItIsWritten(Protocol protocol) throws Exception {
        String id = UUID.randomUUID().toString();
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        ScriptedModelServlet.CLIENT_SAW_FIRST.put(id, clientSawFirst);
        HttpResponse<InputStream> response = clients.get(protocol).send(request(ANSWERING, id, "sse"),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("content-type").orElse(null));
        assertTrue(response.headers().firstValue("content-length").isEmpty());
        StringBuilder seen = new StringBuilder();
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // the downstream writes its call only after this: the first event cannot have been held back
            seen.append(events.readLine()).append('\n').append(events.readLine()).append('\n');
            assertEquals(ScriptedModelServlet.TEXT_EVENT, seen.toString());
            clientSawFirst.countDown();
            String line;
            while ((line = events.readLine()) != null) {
                seen.append(line).append('\n');
            }
        }
        assertEquals(ScriptedModelServlet.TEXT_EVENT + ScriptedModelServlet.FINAL_EVENTS, seen.toString());
        assertEquals(List.of("{\"follow_up\":1}"),
                ScriptedModelServlet.received(id).stream().skip(1).map(ScriptedModelServlet.Received::body).toList());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void followUpRefusedBeforeAnyByteReachesTheClientAsItCame(Protocol protocol) throws Exception {
        HttpResponse<String> response = post(protocol, ANSWERING, UUID.randomUUID().toString(), "sse-call-then-429");

        assertEquals(429, response.statusCode());
        assertEquals("7", response.headers().firstValue("retry-after").orElse(null));
        assertEquals("application/json", response.headers().firstValue("content-type").orElse(null));
        assertEquals("{\"error\":{\"type\":\"rate_limit\"}}", response.body());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void followUpFailingAfterTextEndsTheStreamWithAnErrorEvent(Protocol protocol) throws Exception {
        HttpResponse<String> response = post(protocol, ANSWERING, UUID.randomUUID().toString(), "sse-text-call-then-500");

        assertEquals(200, response.statusCode());
        assertEquals(ScriptedModelServlet.TEXT_EVENT + new String(new ScriptedRounds().failure(
                "the upstream answered status 500"), StandardCharsets.UTF_8), response.body());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void clientThatGoesAwayStopsTheDownstreamAndIsLoggedAsADisconnect(Protocol protocol) throws Exception {
        String id = UUID.randomUUID().toString();
        LinkedBlockingQueue<Throwable> stopped = new LinkedBlockingQueue<>();
        ScriptedModelServlet.STREAM_STOPPED.put(id, stopped);
        Logger logger = Logger.getLogger(RetrieveExchange.class.getName());
        Level level = logger.getLevel();
        logger.setLevel(Level.FINE);
        try (CapturedLog log = CapturedLog.of(RetrieveExchange.class)) {
            HttpResponse<InputStream> response = clients.get(protocol).send(request(ANSWERING, id, "endless"),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                assertTrue(body.read(new byte[64]) > 0, "the stream started");
            }
            Throwable failure = stopped.poll(30, TimeUnit.SECONDS);
            assertNotNull(failure, "the downstream kept streaming after the client left");
            assertInstanceOf(ClientGoneException.class, failure);
            if (!HeadroomLog.usesSlf4j()) { // the lines go to java.util.logging, where this test reads them
                waitForLog(log, Level.FINE);
                assertTrue(log.messages(Level.FINE).stream().anyMatch(m -> m.contains("client disconnected")),
                        log.messages(Level.FINE).toString());
                assertTrue(log.messages(Level.WARNING).isEmpty(), log.messages(Level.WARNING).toString());
            }
        } finally {
            logger.setLevel(level);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void filterThatCannotAnswerDoesNotOfferTheTool(Protocol protocol) throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = post(protocol, DISABLED, id, "echo");

        assertEquals(200, response.statusCode());
        assertEquals("true", response.headers().firstValue("x-headroom-compressed").orElse(null));
        String forwarded = ScriptedModelServlet.received(id).get(0).body();
        assertFalse(forwarded.contains(RetrieveTool.NAME), "the tool was injected by a filter that cannot answer");
        assertTrue(forwarded.length() < LlmRequests.openAiChat().length, "the body was still compressed");
    }

    /**
     * A downstream that answers asynchronously (AsyncContext.start, then complete) is run to the end of its answer
     * and again with the follow-up: the call never reaches the client, and the tool stays offered.
     */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void asynchronousDownstreamIsAnsweredAndRunAgain(Protocol protocol) throws Exception {
        for (int exchange = 0; exchange < 2; exchange++) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> response = post(protocol, ASYNC, id, "async");

            assertEquals(200, response.statusCode());
            assertEquals("{\"choices\":[{\"message\":{\"content\":\"async answer after {\"follow_up\":1}\"}}]}",
                    response.body());
            List<ScriptedModelServlet.Received> received = ScriptedModelServlet.received(id);
            assertEquals(2, received.size(), "the asynchronous downstream ran once per round");
            assertTrue(received.get(0).body().contains(RetrieveTool.NAME), "the tool is offered in exchange " + exchange);
        }
    }

    private HttpResponse<String> post(Protocol protocol, String prefix, String id, String script) throws Exception {
        return clients.get(protocol).send(request(prefix, id, script), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String prefix, String id, String script) {
        return HttpRequest.newBuilder(base.resolve("/" + prefix + CHAT))
                .header("Content-Type", "application/json")
                .header(ScriptedModelServlet.ID, id)
                .header(ScriptedModelServlet.SCRIPT, script)
                .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat()))
                .build();
    }

    /** The filter logs after the downstream returned, which may be just after the test saw the failure. */
    private static void waitForLog(CapturedLog log, Level level) throws InterruptedException {
        for (int i = 0; i < 300 && log.messages(level).isEmpty(); i++) {
            Thread.sleep(100);
        }
    }
}
