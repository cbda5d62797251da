package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: {@code /v1/compress} and the operator actions as the original proxy answers them — the ratio's
 * meaning, transforms_summary, bypass, required model, config options, {@code GET /v1/retrieve/{hash}},
 * {@code /stats/reset}, {@code /cache/clear}, {@code /debug/memory}.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class CompressCompatibilityGatewayTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode post(String path, Object body, int status, String... headers) throws Exception {
        // bytes as bytes: RestAssured would serialize a byte[] passed as Object into a JSON array
        var spec = body instanceof byte[] b ? given().contentType("application/json").body(b)
                : given().contentType("application/json").body((String) body);
        for (int i = 0; i < headers.length; i += 2) {
            spec = spec.header(headers[i], headers[i + 1]);
        }
        return mapper.readTree(spec.post(path).then().statusCode(status).extract().asString());
    }

    private JsonNode get(String path, int status) throws Exception {
        return mapper.readTree(given().get(path).then().statusCode(status).extract().asString());
    }

    @Test
    void compressionRatioIsTokensAfterOverTokensBeforeWithASummary() throws Exception {
        JsonNode r = post("/v1/compress", ExampleRequests.chatRequestBytes(), 200);
        int before = r.get("tokens_before").asInt();
        int after = r.get("tokens_after").asInt();
        double ratio = r.get("compression_ratio").asDouble();
        assertEquals((double) after / before, ratio, 1e-9, "tokens_after / tokens_before, unrounded");
        assertTrue(ratio < 0.5, "a crushed 200-item log leaves well under half: " + ratio);
        JsonNode summary = r.get("transforms_summary");
        assertTrue(summary != null && summary.isObject(), "transforms_summary: " + r);
        int counted = 0;
        for (JsonNode n : summary) {
            counted += n.asInt();
        }
        assertEquals(r.get("transforms_applied").size(), counted, "one count per applied transform: " + summary);
    }

    @Test
    void nothingSavedIsRatioOne() throws Exception {
        JsonNode r = post("/v1/compress", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 200);
        assertEquals(1.0, r.get("compression_ratio").asDouble(), 0.0);
        JsonNode empty = post("/v1/compress", "{\"model\":\"gpt-4o\",\"messages\":[]}", 200);
        assertEquals(1.0, empty.get("compression_ratio").asDouble(), 0.0);
    }

    @Test
    void bypassAnswersTheMessagesUntouchedAndStoresNothing() throws Exception {
        long storedBefore = get("/v1/retrieve/stats", 200).get("stored").asLong();
        JsonNode request = ExampleRequests.chatRequest(mapper);
        JsonNode r = post("/v1/compress", ExampleRequests.chatRequestBytes(), 200, "x-headroom-bypass", "true");
        assertEquals(request.get("messages"), r.get("messages"));
        assertEquals(0, r.get("tokens_before").asInt());
        assertEquals(0, r.get("tokens_saved").asInt());
        assertEquals(1.0, r.get("compression_ratio").asDouble(), 0.0);
        assertEquals(0, r.get("ccr_hashes").size());
        assertEquals(storedBefore, get("/v1/retrieve/stats", 200).get("stored").asLong(), "nothing stored");
    }

    @Test
    void missingModelIs400() throws Exception {
        ObjectNode body = (ObjectNode) ExampleRequests.chatRequest(mapper);
        body.remove("model");
        JsonNode r = post("/v1/compress", body.toString(), 400);
        assertEquals("validation_error", r.at("/error/type").asText(), r.toString());
        assertTrue(r.at("/error/message").asText().contains("model"), r.toString());
    }

    @Test
    void configOptionsAreValidatedAndUserMessagesStayUntouched() throws Exception {
        ObjectNode body = (ObjectNode) ExampleRequests.chatRequest(mapper);
        body.putObject("config").put("compress_user_messages", true);
        JsonNode users = post("/v1/compress", body.toString(), 200);
        assertEquals(body.at("/messages/1"), users.at("/messages/1"), "user messages are never changed");
        assertTrue(users.get("tokens_saved").asInt() > 0, "the rest is still compressed");
        body.putObject("config").put("compress_user_messages", "yes");
        assertEquals("validation_error", post("/v1/compress", body.toString(), 400).at("/error/type").asText());
        body.putObject("config").put("protect_recent", -1);
        assertEquals("validation_error", post("/v1/compress", body.toString(), 400).at("/error/type").asText());
        body.putObject("config").put("target_ratio", 0.5).put("protect_recent", 0)
                .put("protect_analysis_context", false).put("compress_user_messages", false);
        JsonNode r = post("/v1/compress", body.toString(), 200);
        assertTrue(r.get("tokens_saved").asInt() > 0, r.toString());
    }

    @Test
    void getRetrieveByHashAnswersTheOriginal() throws Exception {
        JsonNode r = post("/v1/compress", ExampleRequests.chatRequestBytes(), 200);
        String hash = r.get("ccr_hashes").get(0).asText();
        JsonNode got = get("/v1/retrieve/" + hash, 200);
        assertEquals(hash, got.get("hash").asText());
        assertEquals(ExampleRequests.toolOutput(ExampleRequests.chatRequest(mapper)), got.get("original_content").asText());
        assertEquals("not_found", get("/v1/retrieve/0123456789abcdef01234567", 404).at("/error/type").asText());
    }

    @Test
    void statsResetStartsTheSessionCountersAgain() throws Exception {
        post("/v1/compress", ExampleRequests.chatRequestBytes(), 200);
        given().contentType("application/json").body(ExampleRequests.chatRequestBytes())
                .header("Authorization", "Bearer sk-test").post("/v1/chat/completions").then().statusCode(200);
        assertTrue(get("/stats", 200).at("/requests/total").asLong() >= 1);
        JsonNode reset = post("/stats/reset", "", 200);
        assertEquals("reset", reset.get("status").asText());
        JsonNode stats = get("/stats", 200);
        assertEquals(0, stats.at("/requests/total").asLong(), stats.toString());
        assertEquals(0, stats.at("/tokens/saved").asLong(), stats.toString());
        given().get("/stats/reset").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(404), org.hamcrest.Matchers.is(405))); // POST only, as the original
    }

    @Test
    void cacheClearAndDebugMemoryAnswerAsTheOriginal() throws Exception {
        assertEquals("cache disabled", post("/cache/clear", "", 200).get("status").asText());
        JsonNode m = get("/debug/memory", 200);
        assertTrue(m.at("/process/rss_bytes").asLong() > 0, m.toString());
        assertTrue(m.at("/process_memory/rss").asLong() > 0, m.toString());
        assertTrue(m.at("/components/jvm_heap/memory_mb").asDouble() > 0, m.toString());
        assertTrue(m.has("total_tracked_mb") && m.has("target_budget_mb"), m.toString());
    }

    @Test
    void operatorActionsRefuseAForeignHost() {
        for (String path : new String[] {"/cache/clear", "/stats/reset"}) {
            given().header("Host", "evil.example").post(path).then().statusCode(403);
        }
        given().header("Host", "evil.example").get("/debug/memory").then().statusCode(403);
        given().header("Host", "evil.example").get("/v1/retrieve/0123456789abcdef01234567").then().statusCode(403);
    }
}
