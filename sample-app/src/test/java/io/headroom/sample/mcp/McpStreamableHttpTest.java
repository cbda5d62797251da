package io.headroom.sample.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The transport rules of MCP Streamable HTTP at the wire level: sessions, versions, batches, SSE, DELETE. */
@QuarkusTest
class McpStreamableHttpTest {
    private static final String BOTH = "application/json, text/event-stream";
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/mcp")
    URL mcp;

    private HttpResponse<String> post(String session, String accept, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mcp.toString())).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String initialize(String version) throws Exception {
        HttpResponse<String> r = post(null, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertEquals(200, r.statusCode(), r.body());
        String session = r.headers().firstValue("Mcp-Session-Id").orElse(null);
        assertNotNull(session, "initialize issues a session id");
        JsonNode result = mapper.readTree(r.body()).get("result");
        assertEquals(McpProtocol.negotiate(version), result.get("protocolVersion").asText());
        return session;
    }

    @Test
    void negotiatesTheRevisionAndRequiresTheSession() throws Exception {
        assertEquals("2025-03-26", McpProtocol.negotiate("2025-03-26"));
        String s = initialize("2025-03-26");
        initialize("2025-06-18");
        initialize("1999-01-01"); // unknown: the server offers its latest

        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        assertEquals(400, post(null, BOTH, list).statusCode(), "no session id");
        assertEquals(404, post("no-such-session", BOTH, list).statusCode(), "unknown session id");
        assertEquals(400, post(s, BOTH, list, "MCP-Protocol-Version", "1999-01-01").statusCode(), "bad version header");
        HttpResponse<String> ok = post(s, BOTH, list, "MCP-Protocol-Version", "2025-03-26");
        assertEquals(200, ok.statusCode());
        assertEquals(3, mapper.readTree(ok.body()).at("/result/tools").size());

        assertEquals(202, post(s, BOTH, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode());
        JsonNode unknown = mapper.readTree(post(s, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}").body());
        assertEquals(JsonRpc.METHOD_NOT_FOUND, unknown.at("/error/code").asInt());
        HttpResponse<String> garbage = post(s, BOTH, "{not json");
        assertEquals(400, garbage.statusCode());
        assertEquals(JsonRpc.PARSE_ERROR, mapper.readTree(garbage.body()).at("/error/code").asInt());
        assertEquals(403, post(s, BOTH, list, "Origin", "https://evil.example").statusCode());
        assertEquals(200, post(s, BOTH, list, "Origin", "http://localhost:3000").statusCode());
    }

    @Test
    void answersBatchesAndSpeaksSseToClientsThatOnlyAcceptIt() throws Exception {
        String s = initialize("2025-03-26");
        HttpResponse<String> batch = post(s, BOTH, "[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"tools/call\",\"params\":{\"name\":\"headroom_stats\"}}]");
        JsonNode answers = mapper.readTree(batch.body());
        assertEquals(2, answers.size(), "one answer per request, none for the notification");
        assertEquals("a", answers.get(0).get("id").asText());
        JsonNode stats = answers.get(1).get("result");
        assertEquals(false, stats.get("isError").asBoolean());
        assertTrue(stats.get("structuredContent") == null, "no structuredContent before 2025-06-18");
        assertTrue(mapper.readTree(stats.at("/content/0/text").asText()).has("compressions"));

        HttpResponse<String> sse = post(s, "text/event-stream", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");
        assertEquals(200, sse.statusCode());
        assertTrue(sse.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertTrue(sse.body().startsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}"), sse.body());
        assertEquals(406, post(s, "text/html", "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}").statusCode());
    }

    @Test
    void getStreamStaysOpenUntilDeleteEndsTheSession() throws Exception {
        String s = initialize("2025-06-18");
        HttpRequest get = HttpRequest.newBuilder(URI.create(mcp.toString())).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", s).GET().build();
        HttpResponse<InputStream> stream = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertEquals(": stream open", lines.readLine());
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try {
                while (lines.readLine() != null) {
                    // keep-alive comments until the server ends the stream
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        HttpRequest delete = HttpRequest.newBuilder(URI.create(mcp.toString())).header("Mcp-Session-Id", s)
                .DELETE().build();
        assertEquals(200, http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode());
        ended.get(10, TimeUnit.SECONDS); // DELETE ended the open stream
        assertEquals(404, post(s, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").statusCode());
        assertEquals(404, http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
