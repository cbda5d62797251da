package io.headroom.sample.passthrough;

import static io.headroom.sample.passthrough.ScriptedUpstream.answer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pass-through calls the original meters (its named routes: models, embeddings, count_tokens, ...) count in
 * {@code /stats} and {@code /metrics} as it counts them: one request by provider and by model
 * ({@code passthrough:<name>}, or the id of {@code /v1/models/{id}}), the usage a JSON answer reports, no saving.
 * Paths its catch-all forwards (files, batches, ...) are not counted. Real HTTP to a scripted upstream.
 */
@QuarkusTest
@WithTestResource(ScriptedUpstreamResource.class)
class PassThroughMeteringGatewayTest {
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(headroom_requests_total|headroom_requests_by_[a-z]+\\{[^}]*\\}) (\\S+)$");
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ScriptedUpstream upstream;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void clean() {
        upstream.reset();
    }

    @Test
    void embeddingsCountWithTheirReportedInputTokens() throws Exception {
        JsonNode statsBefore = stats();
        Map<String, Double> before = metrics();
        upstream.then(answer(200, "application/json",
                "{\"object\":\"list\",\"data\":[],\"model\":\"text-embedding-3-small\","
                        + "\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}"));

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("v1/embeddings"))
                .header("Authorization", "Bearer sk-test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"text-embedding-3-small\",\"input\":\"hi\"}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = awaitRequests(statsBefore.at("/requests/total").asLong() + 1);
        assertEquals(1, count(s, "by_provider", "openai") - count(statsBefore, "by_provider", "openai"));
        assertEquals(1, count(s, "by_model", "passthrough:embeddings") - count(statsBefore, "by_model", "passthrough:embeddings"));
        JsonNode last = lastRecent(s);
        assertEquals("passthrough:embeddings", last.path("model").asText(), last.toString());
        assertEquals("openai", last.path("provider").asText());
        assertEquals(8, last.path("input_tokens_original").asLong(), last.toString());
        assertEquals(8, last.path("input_tokens_optimized").asLong());
        assertEquals(0, last.path("tokens_saved").asLong(), "a pass-through saves nothing");
        Map<String, Double> after = metrics();
        assertEquals(1.0, after.get("headroom_requests_total") - before.get("headroom_requests_total"));
        assertEquals(1.0, after.get("headroom_requests_by_model{model=\"passthrough:embeddings\"}")
                - before.getOrDefault("headroom_requests_by_model{model=\"passthrough:embeddings\"}", 0.0));
    }

    @Test
    void oneModelCountsUnderItsIdAndItsProvider() throws Exception {
        JsonNode statsBefore = stats();
        upstream.then(answer(200, "application/json", "{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\"}"));

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("v1/models/claude-sonnet-4-5"))
                .header("x-api-key", "sk-ant-key").header("anthropic-version", "2023-06-01").GET()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = awaitRequests(statsBefore.at("/requests/total").asLong() + 1);
        assertEquals(1, count(s, "by_provider", "anthropic") - count(statsBefore, "by_provider", "anthropic"));
        assertEquals(1, count(s, "by_model", "claude-sonnet-4-5") - count(statsBefore, "by_model", "claude-sonnet-4-5"));
        assertEquals(200, lastRecent(s).path("status").asInt(200), lastRecent(s).toString());
    }

    @Test
    void pathsTheOriginalDoesNotMeterAreNotCounted() throws Exception {
        long before = stats().at("/requests/total").asLong();
        upstream.then(answer(200, "application/json", "{\"object\":\"list\",\"data\":[]}"),
                answer(200, "application/json", "{\"data\":[],\"usage\":{\"prompt_tokens\":3}}"));

        HttpResponse<String> files = http.send(HttpRequest.newBuilder(base.resolve("v1/files"))
                .header("Authorization", "Bearer sk-test").GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, files.statusCode(), files.body());
        // a metered call after it: once that one is counted, the files call (ended first) would be too
        HttpResponse<String> metered = http.send(HttpRequest.newBuilder(base.resolve("v1/embeddings"))
                .header("Authorization", "Bearer sk-test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":\"x\"}")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metered.statusCode(), metered.body());

        JsonNode s = awaitRequests(before + 1);
        assertEquals(before + 1, s.at("/requests/total").asLong(), "only the embeddings call counts");
    }

    private JsonNode stats() throws Exception {
        return mapper.readTree(given().get("/stats").then().statusCode(200).extract().asString());
    }

    private static long count(JsonNode stats, String breakdown, String key) {
        return stats.path("requests").path(breakdown).path(key).asLong(0);
    }

    private static JsonNode lastRecent(JsonNode stats) {
        JsonNode recent = stats.path("recent_requests");
        assertTrue(recent.size() > 0, stats.toString());
        return recent.get(recent.size() - 1);
    }

    /**
     * {@code /stats} once {@code requests.total} reached {@code total}: a call is logged when its answer has ended,
     * off the event loop. Bounded (10 s), never a timing assertion.
     */
    private JsonNode awaitRequests(long total) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode s = stats();
        while (s.at("/requests/total").asLong() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
            s = stats();
        }
        assertEquals(total, s.at("/requests/total").asLong(), s.toString());
        return s;
    }

    private static Map<String, Double> metrics() {
        String text = given().get("/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> out = new HashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }
}
