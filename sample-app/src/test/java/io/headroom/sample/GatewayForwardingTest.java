package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway path end to end over real HTTP: client -> gateway (Headroom filter) -> stub upstream. */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class GatewayForwardingTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @InjectUpstreamStub
    UpstreamStub upstream;

    @TestHTTPResource("/v1/chat/completions")
    URI chatUrl;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    @Test
    void chatCompletionIsCompressedAndForwardedWithItsCredentials() throws Exception {
        byte[] original = ExampleRequests.chatRequestBytes();

        Response r = given()
                .contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("OpenAI-Organization", "org-test")
                .header("x-custom-trace", "abc123")
                .header("x-headroom-mode", "optimize")
                .body(original)
                .post("/v1/chat/completions");

        r.then().statusCode(200)
                .header("x-headroom-compressed", "true")
                .header("x-request-id", "req_stub_123")
                .header("Keep-Alive", nullValue())
                .body("id", equalTo("chatcmpl-stub"));
        assertTrue(Integer.parseInt(r.header("x-headroom-tokens-saved")) > 0, "tokens saved header");

        UpstreamStub.Received got = upstream.last();
        assertEquals("POST", got.method());
        assertEquals("/v1/chat/completions", got.uri(), "base URL ending in /v1 must not double the /v1");
        assertEquals("Bearer sk-test-not-real", got.header("authorization"));
        assertEquals("org-test", got.header("openai-organization"));
        assertEquals("abc123", got.header("x-custom-trace"));
        assertNull(got.header("x-headroom-mode"), "x-headroom-* headers stay at the gateway");
        assertEquals(String.valueOf(got.body().length), got.header("content-length"));

        assertTrue(got.body().length < original.length, "upstream must receive the compressed body");
        JsonNode sent = mapper.readTree(original);
        JsonNode forwarded = mapper.readTree(got.body());
        assertEquals(sent.get("model"), forwarded.get("model"));
        assertEquals(sent.get("temperature"), forwarded.get("temperature"), "unknown fields are preserved");
        assertEquals(sent.at("/messages/0"), forwarded.at("/messages/0"), "system message untouched");
        assertEquals(sent.at("/messages/1"), forwarded.at("/messages/1"), "user message untouched");
        assertTrue(forwarded.toString().contains(ExampleRequests.ERROR_NEEDLE), "the error item survives");
    }

    @Test
    void bypassForwardsTheOriginalBytes() {
        byte[] original = ExampleRequests.chatRequestBytes();

        given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-headroom-bypass", "true")
                .body(original)
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .header("x-headroom-compressed", "false");

        assertArrayEquals(original, upstream.last().body());
        assertNull(upstream.last().header("x-headroom-bypass"));
    }

    @Test
    void auditModeForwardsTheOriginalBytes() {
        byte[] original = ExampleRequests.chatRequestBytes();

        given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-headroom-mode", "audit")
                .body(original)
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .header("x-headroom-compressed", "false");

        assertArrayEquals(original, upstream.last().body());
    }

    @Test
    void anthropicMessagesGoToTheAnthropicTarget() {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

        given().contentType("application/json")
                .header("x-api-key", "sk-ant-test-not-real")
                .header("anthropic-version", "2023-06-01")
                .body(body)
                .post("/v1/messages")
                .then().statusCode(200)
                .body("id", equalTo("msg_stub"))
                .body("type", equalTo("message"));

        UpstreamStub.Received got = upstream.last();
        assertEquals(UpstreamStubResource.ANTHROPIC_PREFIX + "/v1/messages", got.uri());
        assertEquals("sk-ant-test-not-real", got.header("x-api-key"));
        assertEquals("2023-06-01", got.header("anthropic-version"));
    }

    @Test
    void responsesGoToTheOpenAiTargetWithTheirQuery() {
        given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .body("{\"model\":\"gpt-4.1\",\"input\":\"Hi\"}")
                .post("/v1/responses?trace=1")
                .then().statusCode(200)
                .body("id", equalTo("resp_stub"));

        assertEquals("/v1/responses?trace=1", upstream.last().uri());
    }

    @Test
    void upstreamErrorsPassThroughWithTheirStatus() {
        given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-stub-status", "429")
                .body("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(429)
                .body("error.type", equalTo("rate_limit_error"));
    }

    @Test
    void serverSentEventsAreStreamedAsTheyArrive() throws Exception {
        ObjectNode request = (ObjectNode) ExampleRequests.chatRequest(mapper);
        request.put("stream", true);
        HttpRequest post = HttpRequest.newBuilder(chatUrl)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<java.io.InputStream> resp = client.send(post, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        long firstEventAt;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            firstEventAt = System.nanoTime();
            lines.add(first);
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }

        assertTrue(lines.get(0).startsWith("data: "), "first line is an event: " + lines.get(0));
        long finished = upstream.streamFinishedAtNanos();
        assertTrue(finished > 0, "the stub finished streaming");
        // the stub needs ~3 s for its events; a buffering gateway would deliver the first only at the end
        long earlyMillis = Duration.ofNanos(finished - firstEventAt).toMillis();
        assertTrue(earlyMillis > 1500, "first event arrived only " + earlyMillis + " ms before the upstream finished");
        assertEquals(UpstreamStub.STREAM_EVENTS + 1, lines.stream().filter(l -> l.startsWith("data: ")).count());
        assertEquals("data: [DONE]", lines.stream().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow());
        assertTrue(upstream.last().bodyText().contains(ExampleRequests.ERROR_NEEDLE));
    }

    @Test
    void aClientThatHangsUpMidStreamStopsTheUpstreamCall() throws Exception {
        ObjectNode request = (ObjectNode) ExampleRequests.chatRequest(mapper);
        request.put("stream", true);
        HttpRequest post = HttpRequest.newBuilder(chatUrl)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<java.io.InputStream> resp = client.send(post, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = resp.body()) {
            assertTrue(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine()
                    .startsWith("data: "));
        } // closing mid-stream drops the client connection

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (upstream.streamFinishedAtNanos() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(upstream.streamFinishedAtNanos() > 0, "the upstream stream ended");
        assertFalse(upstream.streamCompleted(), "the upstream must be cut off, not streamed to its end");
    }
}
