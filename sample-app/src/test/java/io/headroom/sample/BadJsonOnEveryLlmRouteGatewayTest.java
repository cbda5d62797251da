package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body that is not one JSON object gets the provider's 400 on every LLM route, as the original answers it (it
 * parses every body there before looking at bypass, mode, size or content type), also when the Headroom filter
 * left the body unread and the gateway streams it: bypassed, passthrough mode, over the compression limit (64K
 * here) but under the transport limit, declared as text, gzip-encoded. The upstream never gets such a request
 * whole. Valid JSON on the same ways still goes through byte for byte.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
@TestProfile(BadJsonOnEveryLlmRouteGatewayTest.SmallCompressionLimit.class)
class BadJsonOnEveryLlmRouteGatewayTest {
    private static final String TRUNCATED = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}";
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static class SmallCompressionLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.headroom.max-body-size", "64K");
        }
    }

    @InjectUpstreamStub
    UpstreamStub upstream;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    @Test
    void bypassedBadJsonGetsOpenAisShape() throws Exception {
        HttpResponse<String> r = post("v1/chat/completions", "application/json", null, TRUNCATED.getBytes(StandardCharsets.UTF_8),
                "x-headroom-bypass", "true");
        assertOpenAiInvalidJson(r);
    }

    @Test
    void badJsonInPassthroughModeGetsAnthropicsShape() throws Exception {
        HttpResponse<String> r = post("v1/messages", "application/json", null, "not json at all".getBytes(StandardCharsets.UTF_8),
                "x-headroom-mode", "passthrough");
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = mapper.readTree(r.body());
        assertEquals("error", error.path("type").asText(), r.body());
        assertEquals("invalid_request_error", error.at("/error/type").asText(), r.body());
        assertTrue(upstream.received().isEmpty(), "nothing reached the provider");
    }

    @Test
    void badJsonOverTheCompressionLimitIsJudgedAsItStreams() throws Exception {
        String big = "{\"model\":\"gpt-4o\",\"input\":\"" + "x".repeat(200 * 1024) + "\"";
        HttpResponse<String> r = post("v1/responses", "application/json", null, big.getBytes(StandardCharsets.UTF_8));
        assertOpenAiInvalidJson(r);
    }

    @Test
    void textDeclaredBadJsonIsRefusedAndTextDeclaredJsonGoesOn() throws Exception {
        assertOpenAiInvalidJson(post("v1/chat/completions", "text/plain", null, "model=gpt-4o".getBytes(StandardCharsets.UTF_8)));
        byte[] json = "{\"model\":\"gpt-4o\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = post("v1/chat/completions", "text/plain", null, json);
        assertEquals(200, ok.statusCode(), ok.body());
        assertArrayEquals(json, upstream.last().body(), "forwarded as sent");
    }

    @Test
    void gzipBadJsonIsRefusedAndGzipJsonOverTheLimitGoesOn() throws Exception {
        assertOpenAiInvalidJson(post("v1/chat/completions", "application/json", "gzip", gzip(TRUNCATED)));
        byte[] valid = gzip("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "y".repeat(300 * 1024) + "\"}]}");
        HttpResponse<String> ok = post("v1/chat/completions", "application/json", "gzip", valid);
        assertEquals(200, ok.statusCode(), ok.body());
        assertArrayEquals(valid, upstream.last().body(), "forwarded as sent, still encoded");
    }

    @Test
    void validJsonOverTheCompressionLimitGoesOnByteForByte() throws Exception {
        byte[] big = ("{\"model\":\"gpt-4o\",\"input\":\"" + "z".repeat(200 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = post("v1/responses", "application/json", null, big);
        assertEquals(200, r.statusCode(), r.body());
        assertArrayEquals(big, upstream.last().body());
    }

    private void assertOpenAiInvalidJson(HttpResponse<String> r) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = mapper.readTree(r.body()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText(), r.body());
        assertEquals("invalid_json", error.path("code").asText(), r.body());
        assertTrue(upstream.received().isEmpty(), "nothing reached the provider");
    }

    private HttpResponse<String> post(String path, String contentType, String encoding, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Authorization", "Bearer sk-test-not-real")
                .header("x-api-key", "sk-ant-test-not-real")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
