package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Headroom's own endpoints: /v1/compress, /v1/retrieve, /health, /stats, /metrics. */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class HeadroomApiTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode compressExample() throws Exception {
        String answer = given().contentType("application/json")
                .body(ExampleRequests.chatRequestBytes())
                .post("/v1/compress")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .extract().asString();
        return mapper.readTree(answer);
    }

    @Test
    void compressReportsSavingsAndKeepsWhatMatters() throws Exception {
        JsonNode request = ExampleRequests.chatRequest(mapper);
        JsonNode r = compressExample();

        int before = r.get("tokens_before").asInt();
        int after = r.get("tokens_after").asInt();
        assertTrue(before > 5_000, "the example holds a long tool output, tokens_before=" + before);
        assertTrue(after < before / 2, "the 200-item log is crushed, tokens_after=" + after);
        assertEquals(before - after, r.get("tokens_saved").asInt());
        assertEquals((double) after / before, r.get("compression_ratio").asDouble(), 0.0001);
        assertFalse(r.get("transforms_applied").isEmpty());
        assertEquals(1, r.get("ccr_hashes").size());
        JsonNode messages = r.get("messages");
        assertEquals(request.get("messages").size(), messages.size());
        assertEquals(request.at("/messages/0"), messages.get(0), "system message untouched");
        assertEquals(request.at("/messages/1"), messages.get(1), "user message untouched");
        assertEquals(request.at("/messages/2"), messages.get(2), "tool call untouched");
        String tool = messages.get(3).get("content").asText();
        assertTrue(tool.contains(ExampleRequests.ERROR_NEEDLE), "the error item is kept");
        assertTrue(tool.contains(r.get("ccr_hashes").get(0).asText()), "the compressed output names its CCR hash");
    }

    @Test
    void retrieveGivesBackTheOriginalByteIdentical() throws Exception {
        String original = ExampleRequests.toolOutput(ExampleRequests.chatRequest(mapper));
        String hash = compressExample().get("ccr_hashes").get(0).asText();

        String answer = given().contentType("application/json")
                .body(Map.of("hash", hash))
                .post("/v1/retrieve")
                .then().statusCode(200)
                .body("hash", equalTo(hash))
                .body("original_item_count", equalTo(200))
                .body("original_tokens", greaterThan(0))
                .body("retrieval_count", greaterThanOrEqualTo(1))
                .body("$", hasKey("compressed_item_count"))
                .body("$", hasKey("tool_name"))
                .extract().asString();
        assertEquals(original, mapper.readTree(answer).get("original_content").asText());
    }

    @Test
    void retrieveWithAQuerySearchesTheOriginal() {
        String hash;
        try {
            hash = compressExample().get("ccr_hashes").get(0).asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        List<Object> results = given().contentType("application/json")
                .body(Map.of("hash", hash, "query", "PaymentGatewayTimeout payment provider"))
                .post("/v1/retrieve")
                .then().statusCode(200)
                .body("query", equalTo("PaymentGatewayTimeout payment provider"))
                .body("count", greaterThan(0))
                .extract().jsonPath().getList("results");
        assertTrue(results.toString().contains(ExampleRequests.ERROR_NEEDLE), "best match is the error item");
    }

    @Test
    void retrieveOfAnUnknownHashIs404NotFound() {
        given().contentType("application/json")
                .body(Map.of("hash", "0000000000000000deadbeef"))
                .post("/v1/retrieve")
                .then().statusCode(404)
                .contentType(containsString("application/json"))
                .body("error.type", equalTo("not_found"))
                .body("error.message", notNullValue());
    }

    @Test
    void malformedRequestsAre400ValidationErrors() {
        given().contentType("application/json").body("{\"messages\": [").post("/v1/compress")
                .then().statusCode(400)
                .contentType(containsString("application/json"))
                .body("error.type", equalTo("validation_error"));
        given().contentType("application/json").body("[1, 2]").post("/v1/compress")
                .then().statusCode(400).body("error.type", equalTo("validation_error"));
        given().contentType("application/json").body("{\"model\": \"gpt-4o\"}").post("/v1/compress")
                .then().statusCode(400).body("error.type", equalTo("validation_error"));
        given().contentType("application/json").body("{\"query\": \"x\"}").post("/v1/retrieve")
                .then().statusCode(400).body("error.type", equalTo("validation_error"));
        given().contentType("application/json").body("not json").post("/v1/retrieve")
                .then().statusCode(400).body("error.type", equalTo("validation_error"));
    }

    @Test
    void ownEndpointsAnswerOtherMethodsWithJson405() {
        // any other path is passed through to a provider (PassThroughGatewayTest)
        given().get("/v1/compress").then().statusCode(405)
                .contentType(containsString("application/json"))
                .body("error.type", equalTo("method_not_allowed"))
                .body("error.message", containsString("/v1/compress"));
    }

    @Test
    void healthSaysHealthyWithVersionAndMode() {
        given().get("/health").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("status", equalTo("healthy"))
                .body("ready", equalTo(true))
                .body("version", notNullValue())
                .body("config.mode", equalTo("optimize"));
    }

    @Test
    void statsAndMetricsCountAProxiedRequest() {
        given().contentType("application/json")
                .header("Authorization", "Bearer sk-test-not-real")
                .body(ExampleRequests.chatRequestBytes())
                .post("/v1/chat/completions")
                .then().statusCode(200).header("x-headroom-compressed", "true");
        String hash;
        try {
            hash = compressExample().get("ccr_hashes").get(0).asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        given().contentType("application/json").body(Map.of("hash", hash)).post("/v1/retrieve")
                .then().statusCode(200);

        given().get("/stats").then().statusCode(200)
                .body("requests.total", greaterThanOrEqualTo(1))
                .body("requests.compressed", greaterThanOrEqualTo(1))
                .body("requests.failed_open", equalTo(0))
                .body("tokens.saved", greaterThan(0))
                .body("tokens.savings_percent", greaterThan(0f))
                .body("ccr.retrievals", greaterThanOrEqualTo(1))
                .body("config.mode", equalTo("optimize"));
        given().get("/v1/retrieve/stats").then().statusCode(200)
                .body("entries", greaterThanOrEqualTo(1))
                .body("retrievals", greaterThanOrEqualTo(1));

        // the original proxy's text format 0.0.4, whatever the client accepts
        String metrics = given().accept("text/plain").get("/metrics").then().statusCode(200)
                .contentType(containsString("text/plain; version=0.0.4"))
                .extract().asString();
        assertTrue(Pattern.compile("(?m)^headroom_requests_total [1-9]").matcher(metrics).find(),
                "requests counter without labels, as the original's");
        assertTrue(metrics.contains("headroom_tokens_saved_total"), "tokens saved counter");
        assertTrue(metrics.contains("headroom_compression_ratio_bucket{le=\"0.5\""), "compression ratio histogram");
        assertTrue(metrics.contains("headroom_latency_seconds_bucket"), "latency histogram");
        assertTrue(metrics.contains("headroom_cache_hits_total"), "CCR hit counter");
        assertTrue(counterValue(metrics, "headroom_tokens_saved_total") > 0, "tokens saved counted");
        assertTrue(counterValue(metrics, "headroom_cache_hits_total") >= 1, "retrieval counted");
    }

    /** The value of an untagged sample line in Prometheus text format. */
    private static double counterValue(String metrics, String name) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found in /metrics"));
    }
}
