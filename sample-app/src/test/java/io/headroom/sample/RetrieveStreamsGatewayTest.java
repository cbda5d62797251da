package io.headroom.sample;

import io.headroom.conformance.retrieve.RetrievalStub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the gateway's response side: what a client receives after a retrieve round is one well-formed stream
 * of its provider's protocol, follow-up failures reach it as the provider's own error (or as the upstream's answer
 * when nothing was sent yet), and a client that hangs up is a client disconnect, not an upstream failure. Real
 * HTTP: client -> gateway -> {@link RetrievalStub}.
 */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
@TestProfile(RetrieveStreamsGatewayTest.DebugLogs.class)
class RetrieveStreamsGatewayTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String[]> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
            logs.add(new String[] {r.getLevel().getName(), r.getLoggerName(), String.valueOf(message)});
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public static class DebugLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"io.headroom\".level", "DEBUG");
        }
    }

    @InjectUpstreamStub
    RetrievalStub upstream;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void setUp() {
        upstream.clear();
        upstream.expectOriginal(RetrievalGatewayTest.orders());
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger("").removeHandler(capture);
    }

    private ObjectNode chatRequest() {
        ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o").put("stream", true);
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Summarize the orders.");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "list_orders").put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", RetrievalGatewayTest.orders());
        return r;
    }

    private ObjectNode responsesRequest() {
        ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o").put("stream", true);
        ArrayNode input = r.putArray("input");
        input.addObject().put("role", "user").put("content", "Summarize the orders.");
        input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "list_orders")
                .put("arguments", "{}");
        input.addObject().put("type", "function_call_output").put("call_id", "call_1")
                .put("output", RetrievalGatewayTest.orders());
        r.putArray("tools").addObject().put("type", "function").put("name", "list_orders")
                .putObject("parameters").put("type", "object");
        return r;
    }

    private HttpResponse<String> post(String path, ObjectNode body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-test-not-real")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> data(String stream) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                out.add(mapper.readTree(line.substring(6)));
            }
        }
        return out;
    }

    @Test
    void chatStreamWhoseFirstChunkCarriesRoleAndCallGivesOneRoleOnTheFirstChunk() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", chatRequest());

        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("headroom_retrieve"), r.body());
        List<JsonNode> chunks = data(r.body());
        assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText(), r.body());
        assertEquals(1, chunks.stream().filter(c -> c.at("/choices/0/delta").has("role")).count(), r.body());
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertEquals("The full list includes " + RetrievalStub.NEEDLE + ".", text.toString(),
                "the stub saw the original byte-identical");
        assertTrue(r.body().endsWith("data: [DONE]\n\n"));
    }

    @Test
    void responsesStreamKeepsOneResponseAcrossTheRound() throws Exception {
        HttpResponse<String> r = post("/v1/responses", responsesRequest());

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(""));
        assertFalse(r.body().contains("headroom_retrieve"), r.body());
        assertEquals(2, upstream.received().size(), "one retrieve round");
        List<JsonNode> events = data(r.body());
        assertEquals(1, events.stream().filter(e -> e.path("type").asText().equals("response.created")).count());
        assertEquals(1, events.stream().filter(e -> e.path("type").asText().equals("response.completed")).count());
        String id = events.get(0).at("/response/id").asText();
        events.stream().filter(e -> e.has("response"))
                .forEach(e -> assertEquals(id, e.at("/response/id").asText(), "one response id: " + e));
        int previous = -1;
        for (JsonNode e : events) {
            assertTrue(e.path("sequence_number").asInt() > previous, "strictly increasing: " + r.body());
            previous = e.path("sequence_number").asInt();
        }
        events.stream().filter(e -> e.has("output_index")).forEach(e -> assertEquals(0, e.path("output_index").asInt()));
        JsonNode completed = events.get(events.size() - 1);
        assertEquals("The full list includes " + RetrievalStub.NEEDLE + ".",
                completed.at("/response/output/0/content/0/text").asText());
    }

    @Test
    void aFollowUpRefusedBeforeAnyByteReachesTheClientAsItCame() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", chatRequest(), "x-stub-followup", "429");

        assertEquals(429, r.statusCode(), r.body());
        assertEquals("7", r.headers().firstValue("retry-after").orElse(""));
        assertEquals("rate_limit_error", mapper.readTree(r.body()).at("/error/type").asText());
        assertEquals(2, upstream.received().size());
    }

    @Test
    void aFollowUpFailingAfterBytesWereSentEndsWithTheProvidersErrorEvent() throws Exception {
        HttpResponse<String> r = post("/v1/messages", RetrievalGatewayTest.streamedAnthropicOrders(mapper), "x-stub-followup", "500");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Let me fetch that."), "text before the call went out: " + r.body());
        assertTrue(r.body().endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                + "\"message\":\"the provider answered a retrieve follow-up with HTTP 500\"}}\n\n"), r.body());
        assertFalse(r.body().contains("message_stop"), "never a clean end");
    }

    @Test
    void aClientThatHangsUpMidStreamCancelsTheUpstreamCallAndIsLoggedAsADisconnect() throws Exception {
        byte[] body = mapper.writeValueAsBytes(RetrievalGatewayTest.streamedAnthropicOrders(mapper));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "x-api-key: sk-ant-test-not-real\r\nx-stub-followup: hang\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            // read until the follow-up's block arrives: the client is mid-stream of the second round
            while ((line = in.readLine()) != null && !line.contains("\"index\":1")) {
                // keep reading
            }
            assertTrue(line != null, "the follow-up stream started");
        }
        assertTrue(upstream.awaitHangUp(20), "the upstream call was cancelled");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (logs.stream().noneMatch(l -> l[2].contains("client disconnected")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<String[]> disconnects = logs.stream().filter(l -> l[2].contains("client disconnected")).toList();
        assertEquals(1, disconnects.size(), "one line: " + render(logs));
        assertEquals("DEBUG", disconnects.get(0)[0], render(disconnects));
        assertTrue(logs.stream().noneMatch(l -> l[1].startsWith("io.headroom") && l[0].startsWith("WARN")),
                "not logged as an upstream failure: " + render(logs));
    }

    private static String render(List<String[]> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(String.join(" | ", l)).append('\n'));
        return sb.toString();
    }
}
