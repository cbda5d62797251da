package io.headroom.sample.passthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body that is not one JSON object is refused on the LLM routes with the provider's own 400, as the
 * original proxy does, and never reaches the provider: Anthropic's {@code {"type":"error","error":{...}}}
 * on /v1/messages, OpenAI's {@code {"error":{"message","type","code"}}} on its routes.
 */
@QuarkusTest
@WithTestResource(ScriptedUpstreamResource.class)
class ProviderErrorShapesGatewayTest {
    ScriptedUpstream upstream;

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void clean() {
        upstream.reset();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("x-api-key", "sk-ant-shape")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformedJsonOnMessagesIsAnthropicsInvalidRequestError() throws Exception {
        HttpResponse<String> r = post("v1/messages", "{\"model\": \"claude-sonnet-4-5\", \"messages\": [");

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = mapper.readTree(r.body());
        assertEquals("error", body.path("type").asText());
        assertEquals("invalid_request_error", body.path("error").path("type").asText());
        assertFalse(body.path("error").path("message").asText().isEmpty());
        assertFalse(r.body().contains("claude-sonnet"), "the body is never echoed");
        assertEquals(0, upstream.received().size());
    }

    @Test
    void malformedJsonOnOpenAiRoutesIsOpenAisInvalidJson() throws Exception {
        for (String path : new String[] {"v1/chat/completions", "v1/responses"}) {
            HttpResponse<String> r = post(path, "{\"model\":\"gpt-4o\",}");

            assertEquals(400, r.statusCode(), path + " " + r.body());
            JsonNode error = mapper.readTree(r.body()).path("error");
            assertEquals("invalid_request_error", error.path("type").asText(), r.body());
            assertEquals("invalid_json", error.path("code").asText(), r.body());
            assertFalse(error.path("message").asText().isEmpty());
            assertFalse(mapper.readTree(r.body()).has("type"), "OpenAI's shape has no top-level type");
        }
        assertEquals(0, upstream.received().size());
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsRefusedToo() throws Exception {
        assertEquals(400, post("v1/chat/completions", "[1,2]").statusCode());
        assertEquals(400, post("v1/messages", "").statusCode());
        assertEquals(0, upstream.received().size());
    }

    @Test
    void validJsonStillGoesThrough() throws Exception {
        assertEquals(200, post("v1/messages", UpstreamRetryGatewayTest.MESSAGES).statusCode());
        assertEquals(1, upstream.received().size());
    }
}
