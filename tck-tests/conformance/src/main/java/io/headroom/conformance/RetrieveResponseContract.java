package io.headroom.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.conformance.RetrieveScript.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The response side of the conformance suite: the upstream (the {@link RecordingStub} playing a
 * {@link RetrieveScript}) answers a compressed request with a {@code headroom_retrieve} call for the hash it was
 * given, in each provider's shape, streamed and not, and the host must answer that call itself. Asserted byte level
 * on what the client receives (no headroom_retrieve anywhere; one role, one response id, one created/completed pair,
 * one terminal event) and on what the upstream's follow-up holds (the items of the first request, byte-identical,
 * then the call and the original tool output).
 *
 * <p>A host that declares {@link Limitation#RETRIEVE_TOOL_NOT_OFFERED} gets its documented fallback asserted
 * instead: the upstream never sees the tool, and the client gets the upstream's answer byte-identical.
 *
 * <p>A host test extends this class and implements {@link #newHost()}, as for {@link ConformanceContract}; its
 * downstream must forward the {@value RecordingStub#SCRIPT_HEADER} header (the relays in
 * {@code io.headroom.conformance.downstream} do). With the system property {@value #LATENCY_PROPERTY} set,
 * {@link #addedLatencyOfOneRetrieveRound()} appends the host's latency of one round to the file it names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RetrieveResponseContract {
    /** System property naming the file the latency measurement appends to; the measurement runs only when set. */
    public static final String LATENCY_PROPERTY = "conformance.retrieve-latency";
    private static final String JSON = "application/json";
    private static final String TOOL = "headroom_retrieve";
    private static final int LATENCY_SAMPLES = 50;
    private static final int LATENCY_WARM_UP = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HostUnderTest host;
    private ConformanceClient client;

    /** A new, not yet started host, configured with {@link ConformanceContract#HEADROOM_OPTIONS}. */
    protected abstract HostUnderTest newHost();

    @BeforeAll
    final void startHost() throws Exception {
        client();
    }

    @AfterAll
    final void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    /** The client for this class's host, starting the host on first use. */
    protected final ConformanceClient client() throws Exception {
        if (client == null) {
            host = newHost();
            client = new ConformanceClient(host.start(ConformanceContract.HEADROOM_OPTIONS));
        }
        return client;
    }

    /**
     * Cases (method names) this host is known to fail today, each with the reason: they are reported as skipped with
     * that reason (visible in every test report), never run as if they passed. Empty for a conforming host; a gap
     * is removed as soon as the host is fixed.
     */
    protected Map<String, String> knownGaps() {
        return Map.of();
    }

    @BeforeEach
    final void skipKnownGap(TestInfo test) {
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        String reason = knownGaps().get(name);
        assumeTrue(reason == null, () -> "known gap of this host: " + reason);
    }

    private boolean answersCalls() {
        return !host.limitations().contains(Limitation.RETRIEVE_TOOL_NOT_OFFERED);
    }

    // ---- each provider shape, streamed and not ------------------------------------------------------

    @OverEveryProtocol
    void openAiChatCallIsAnswered(String protocol) throws Exception {
        ConformanceClient.Exchange e = play(protocol, Scenario.CHAT_JSON);
        if (fallback(e, Scenario.CHAT_JSON)) {
            return;
        }
        JsonNode answer = MAPPER.readTree(e.body());
        assertEquals(RetrieveScript.FOUND, answer.at("/choices/0/message/content").asText(), text(e));
        assertEquals("stop", answer.at("/choices/0/finish_reason").asText(), text(e));
        assertTrue(answer.at("/choices/0/message/tool_calls").isMissingNode(), text(e));
        assertEquals(String.valueOf(e.body().length), e.header("content-length"), "Content-Length of the answer sent");
    }

    @OverEveryProtocol
    void openAiChatStreamWithRoleAndCallInTheFirstChunkIsOneStream(String protocol) throws Exception {
        assertOneChatStream(play(protocol, Scenario.CHAT_STREAM_ROLE_FIRST), Scenario.CHAT_STREAM_ROLE_FIRST, "");
    }

    @OverEveryProtocol
    void openAiChatStreamWithTextBeforeTheCallIsOneStream(String protocol) throws Exception {
        assertOneChatStream(play(protocol, Scenario.CHAT_STREAM_TEXT_FIRST), Scenario.CHAT_STREAM_TEXT_FIRST,
                RetrieveScript.PREAMBLE);
    }

    @OverEveryProtocol
    void responsesCallIsAnswered(String protocol) throws Exception {
        ConformanceClient.Exchange e = play(protocol, Scenario.RESPONSES_JSON);
        if (fallback(e, Scenario.RESPONSES_JSON)) {
            return;
        }
        JsonNode answer = MAPPER.readTree(e.body());
        JsonNode output = answer.path("output");
        assertEquals(1, output.size(), text(e));
        assertEquals("message", output.at("/0/type").asText(), text(e));
        assertEquals(RetrieveScript.FOUND, output.at("/0/content/0/text").asText(), text(e));
    }

    @OverEveryProtocol
    void responsesStreamHasOneResponseIdAndOneCreatedCompletedPair(String protocol) throws Exception {
        ConformanceClient.Exchange e = play(protocol, Scenario.RESPONSES_STREAM);
        if (fallback(e, Scenario.RESPONSES_STREAM)) {
            return;
        }
        List<Sse> events = Sse.parse(text(e));
        assertEquals(1, events.stream().filter(s -> s.type().equals("response.created")).count(), text(e));
        assertEquals(1, events.stream().filter(s -> s.type().equals("response.completed")).count(), text(e));
        assertEquals("response.completed", events.get(events.size() - 1).type(), "one terminal event, last: " + text(e));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode data = events.get(i).json();
            assertEquals(i, data.path("sequence_number").asInt(-1), "gap-free sequence numbers: " + text(e));
            if (data.has("response")) {
                ids.add(data.at("/response/id").asText());
            }
        }
        assertEquals(1, ids.size(), "one response id: " + ids);
        assertEquals(RetrieveScript.FOUND, deltas(events, "/delta"), text(e));
    }

    @OverEveryProtocol
    void anthropicCallIsAnswered(String protocol) throws Exception {
        ConformanceClient.Exchange e = play(protocol, Scenario.ANTHROPIC_JSON);
        if (fallback(e, Scenario.ANTHROPIC_JSON)) {
            return;
        }
        JsonNode answer = MAPPER.readTree(e.body());
        assertEquals("end_turn", answer.path("stop_reason").asText(), text(e));
        StringBuilder texts = new StringBuilder();
        for (JsonNode block : answer.path("content")) {
            assertEquals("text", block.path("type").asText(), text(e));
            texts.append(block.path("text").asText());
        }
        assertTrue(texts.toString().endsWith(RetrieveScript.FOUND), text(e));
    }

    @OverEveryProtocol
    void anthropicStreamHasOneMessageStartAndOneStop(String protocol) throws Exception {
        ConformanceClient.Exchange e = play(protocol, Scenario.ANTHROPIC_STREAM);
        if (fallback(e, Scenario.ANTHROPIC_STREAM)) {
            return;
        }
        List<Sse> events = Sse.parse(text(e));
        assertEquals(1, events.stream().filter(s -> s.type().equals("message_start")).count(), text(e));
        assertEquals(1, events.stream().filter(s -> s.type().equals("message_stop")).count(), text(e));
        assertEquals("message_stop", events.get(events.size() - 1).type(), text(e));
        assertEquals(RetrieveScript.PREAMBLE + RetrieveScript.FOUND, deltas(events, "/delta/text"), text(e));
        List<Integer> started = new ArrayList<>();
        for (Sse s : events) {
            if (s.type().equals("content_block_start")) {
                started.add(s.json().path("index").asInt());
            }
        }
        assertEquals(List.of(0, 1), started, "block indexes continue across rounds: " + text(e));
    }

    // ---- failures and cancellation ------------------------------------------------------------------

    /** Nothing had reached the client: it gets the follow-up's 429 with its retry-after and body as they came. */
    @OverEveryProtocol
    void followUpRefusedBeforeAnyClientByteReachesTheClientAsItCame(String protocol) throws Exception {
        ConformanceClient.Exchange e = play(protocol, Scenario.FOLLOW_UP_429);
        if (fallback(e, Scenario.FOLLOW_UP_429)) {
            return;
        }
        assertEquals(429, e.status(), text(e));
        assertEquals(RetrieveScript.RETRY_AFTER, e.header("retry-after"));
        assertEquals(RetrieveScript.RATE_LIMITED, text(e));
    }

    /** Text had reached the client: the stream ends with the provider's error chunk, never [DONE] or a finish reason. */
    @OverEveryProtocol
    void followUpFailingAfterTextEndsTheStreamWithAnErrorEvent(String protocol) throws Exception {
        ConformanceClient.Exchange e = play(protocol, Scenario.FOLLOW_UP_500);
        if (fallback(e, Scenario.FOLLOW_UP_500)) {
            return;
        }
        String stream = text(e);
        assertEquals(200, e.status(), stream);
        assertFalse(stream.contains(TOOL), stream);
        assertFalse(stream.contains("[DONE]"), "never a clean end: " + stream);
        assertFalse(stream.contains("\"finish_reason\":\"stop\""), stream);
        List<Sse> events = Sse.parse(stream);
        assertTrue(events.get(0).data().contains(RetrieveScript.PREAMBLE), stream);
        assertTrue(events.get(events.size() - 1).json().has("error"), "ends with an error chunk: " + stream);
        assertEquals(1, events.stream().filter(s -> s.json().has("error")).count(), stream);
    }

    /** The client goes away mid-stream: the host cancels the upstream call and starts no further round. */
    @OverEveryProtocol
    void clientDisconnectCancelsTheUpstreamCall(String protocol) throws Exception {
        Scenario scenario = Scenario.CLIENT_DISCONNECTS;
        if (!answersCalls()) {
            fallback(play(protocol, scenario), scenario);
            return;
        }
        ConformanceClient.Streaming s = client().postStreaming(Protocol.valueOf(protocol), scenario.shape().path(),
                scenario.request(), JSON, RecordingStub.SCRIPT_HEADER, scenario.name());
        assertEquals(200, s.response().statusCode());
        try (InputStream body = s.response().body()) {
            String seen = readUntil(body, RetrieveScript.PREAMBLE);
            assertTrue(seen.contains(RetrieveScript.PREAMBLE), "the text reached the client first: " + seen);
        } // closing it mid-stream is the client going away
        RecordingStub.Received first = awaitUpstreamClosed(s.id());
        assertEquals(Boolean.TRUE, first.upstreamClosed(), "the host closed its upstream call");
        assertTrue(first.bodyText().contains("\"" + TOOL + "\""), "the request offered the tool");
        assertNull(RecordingStub.receivedRound(s.id(), 2), "no further round after the client went away");
    }

    // ---- latency, measured, never asserted ----------------------------------------------------------

    /**
     * With {@value #LATENCY_PROPERTY} set: the median of {@value #LATENCY_SAMPLES} exchanges with one retrieve round
     * minus the median of as many without (the tool offered, the model answering right away), non-streamed and
     * streamed, appended to that file as one line per host and mode. Reports; asserts nothing about time.
     */
    @Test
    void addedLatencyOfOneRetrieveRound() throws Exception {
        String file = System.getProperty(LATENCY_PROPERTY);
        assumeTrue(file != null && !file.isBlank(), "set -D" + LATENCY_PROPERTY + "=<file> to measure");
        assumeTrue(answersCalls(), "the host does not offer the tool: no round to measure");
        StringBuilder lines = new StringBuilder();
        for (boolean streamed : new boolean[] {false, true}) {
            Scenario withRound = streamed ? Scenario.CHAT_STREAM_ROLE_FIRST : Scenario.CHAT_JSON;
            Scenario without = streamed ? Scenario.NO_CALL_STREAM : Scenario.NO_CALL_JSON;
            double round = medianMillis(withRound);
            double direct = medianMillis(without);
            lines.append(String.format(Locale.ROOT, "%s\t%s\twith-round-median-ms=%.2f\twithout-median-ms=%.2f"
                            + "\tadded-ms=%.2f%n", getClass().getSimpleName(), streamed ? "streaming" : "non-streaming",
                    round, direct, round - direct));
        }
        Files.writeString(Path.of(file), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private double medianMillis(Scenario scenario) throws Exception {
        long[] nanos = new long[LATENCY_SAMPLES];
        for (int i = -LATENCY_WARM_UP; i < LATENCY_SAMPLES; i++) {
            long start = System.nanoTime();
            ConformanceClient.Exchange e = client().post(Protocol.HTTP_1_1, scenario.shape().path(), scenario.request(),
                    JSON, RecordingStub.SCRIPT_HEADER, scenario.name());
            long took = System.nanoTime() - start;
            assertEquals(200, e.status(), text(e));
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        java.util.Arrays.sort(nanos);
        return (nanos[LATENCY_SAMPLES / 2 - 1] + nanos[LATENCY_SAMPLES / 2]) / 2e6;
    }

    // ---- what every case shares ---------------------------------------------------------------------

    private ConformanceClient.Exchange play(String protocol, Scenario scenario) throws Exception {
        return client().post(Protocol.valueOf(protocol), scenario.shape().path(), scenario.request(), JSON,
                RecordingStub.SCRIPT_HEADER, scenario.name());
    }

    /**
     * For a host that does not offer the tool, asserts its documented fallback and returns true: one upstream round
     * without the tool, and the upstream's answer byte-identical at the client. For a host that answers calls,
     * asserts what every answered exchange shares (see {@link #assertAnswered}) and returns false.
     */
    private boolean fallback(ConformanceClient.Exchange e, Scenario scenario) throws Exception {
        RecordingStub.Received first = e.received();
        if (answersCalls()) {
            assertAnswered(e, first);
            return false;
        }
        assertFalse(first.bodyText().contains(TOOL), "the upstream never sees the tool");
        assertTrue(first.bodyText().contains("hash="), "the request was compressed into CCR all the same");
        assertNull(RecordingStub.receivedRound(e.id(), 2), "one upstream round");
        assertEquals(200, e.status(), text(e));
        assertArrayEquals(RetrieveScript.direct(scenario).bytes(), e.body(), "the upstream's answer as it came");
        return true;
    }

    /**
     * The request was compressed and offered the tool; the upstream got exactly one follow-up, holding the first
     * request's items byte-identical and then the original tool output; the client saw no headroom_retrieve.
     */
    private static void assertAnswered(ConformanceClient.Exchange e, RecordingStub.Received first) throws Exception {
        assertEquals("true", e.header(ConformanceAssertions.COMPRESSED), "the request was compressed");
        assertTrue(first.bodyText().contains("\"" + TOOL + "\""), "the request offered the tool");
        assertFalse(text(e).contains(TOOL), "no headroom_retrieve reaches the client: " + text(e));
        RecordingStub.Received second = RecordingStub.receivedRound(e.id(), 2);
        assertNotNull(second, "the host answered the call with a follow-up");
        assertNull(RecordingStub.receivedRound(e.id(), 3), "one follow-up");
        String items = ItemsText.of(first.body());
        assertTrue(second.bodyText().contains(items), "the follow-up holds the first request's items byte-identical");
        assertTrue(second.bodyText().contains(MAPPER.writeValueAsString(LlmRequests.logs())),
                "the follow-up holds the original tool output");
    }

    private void assertOneChatStream(ConformanceClient.Exchange e, Scenario scenario, String preamble) throws Exception {
        if (fallback(e, scenario)) {
            return;
        }
        String stream = text(e);
        assertEquals(200, e.status(), stream);
        List<Sse> events = Sse.parse(stream);
        assertEquals("[DONE]", events.get(events.size() - 1).data(), "ends with [DONE]: " + stream);
        assertEquals(1, events.stream().filter(s -> s.data().equals("[DONE]")).count(), stream);
        List<Sse> chunks = events.subList(0, events.size() - 1);
        assertEquals(1, count(stream, "\"role\""), "exactly one role: " + stream);
        assertTrue(chunks.get(0).json().at("/choices/0/delta").has("role"), "the role comes first: " + stream);
        assertEquals(1, chunks.stream().map(c -> c.json().path("id").asText()).distinct().count(), "one id: " + stream);
        assertEquals(1, count(stream, "\"finish_reason\":\"stop\""), stream);
        assertEquals(0, count(stream, "\"finish_reason\":\"tool_calls\""), stream);
        assertEquals(preamble + RetrieveScript.FOUND, deltas(chunks, "/choices/0/delta/content"), stream);
    }

    private static RecordingStub.Received awaitUpstreamClosed(String id) throws Exception {
        // the stub notices the closed connection on its next keep-alive write; bounded by its own give-up time
        long deadline = System.nanoTime() + RecordingStub.RELEASE_TIMEOUT.toNanos() + 5_000_000_000L;
        RecordingStub.Received r = RecordingStub.received(id);
        while (r.upstreamClosed() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = RecordingStub.received(id);
        }
        return r;
    }

    private static String readUntil(InputStream in, String needle) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[1024];
        int n;
        while (!seen.toString().contains(needle) && (n = in.read(buffer)) != -1) {
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    private static String deltas(List<Sse> events, String pointer) {
        StringBuilder text = new StringBuilder();
        for (Sse s : events) {
            JsonNode data = s.json();
            if (pointer.equals("/delta") && !data.path("type").asText().equals("response.output_text.delta")) {
                continue;
            }
            JsonNode v = data.at(pointer);
            if (v.isTextual()) {
                text.append(v.asText());
            }
        }
        return text.toString();
    }

    private static String text(ConformanceClient.Exchange e) {
        return new String(e.body(), StandardCharsets.UTF_8);
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** One server-sent event: its {@code event:} name (or the data's {@code type}) and its data. */
    record Sse(String event, String data) {

        static List<Sse> parse(String stream) {
            List<Sse> events = new ArrayList<>();
            for (String block : stream.split("\n\n")) {
                String event = "";
                StringBuilder data = new StringBuilder();
                for (String line : block.split("\n")) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
                if (!data.isEmpty()) {
                    events.add(new Sse(event, data.toString()));
                }
            }
            return events;
        }

        JsonNode json() {
            try {
                return data.equals("[DONE]") ? MAPPER.createObjectNode() : MAPPER.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }

        String type() {
            return event.isEmpty() ? json().path("type").asText() : event;
        }
    }
}
