package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /v1/compress} in simulate and audit mode ({@code config.default_mode} / {@code config.mode}). */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class CompressModesGatewayTest {
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The README example with a fresh trace id in its first log item: a tool output (so a CCR key) no other
     * test has stored, so what the store holds shows what this test stored.
     */
    private ObjectNode uniqueExample() throws Exception {
        ObjectNode request = (ObjectNode) ExampleRequests.chatRequest(mapper);
        for (JsonNode m : request.get("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                ArrayNode items = (ArrayNode) mapper.readTree(m.get("content").asText());
                ((ObjectNode) items.get(0)).put("trace_id", UUID.randomUUID().toString());
                ((ObjectNode) m).put("content", mapper.writeValueAsString(items));
            }
        }
        return request;
    }

    private static ObjectNode withMode(ObjectNode request, String field, String mode) {
        ObjectNode copy = request.deepCopy();
        copy.putObject("config").put(field, mode);
        return copy;
    }

    private JsonNode post(JsonNode body) throws Exception {
        String answer = given().contentType("application/json").body(mapper.writeValueAsBytes(body))
                .post("/v1/compress")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .extract().asString();
        return mapper.readTree(answer);
    }

    private long storedEntries() {
        return given().get("/v1/retrieve/stats").then().statusCode(200).extract().jsonPath().getLong("entries");
    }

    @Test
    void simulateReturnsThePlanAndStoresNothing() throws Exception {
        ObjectNode request = uniqueExample();
        long entries = storedEntries();

        JsonNode plan = post(withMode(request, "default_mode", "simulate"));
        JsonNode alias = post(withMode(request, "mode", "simulate"));

        assertEquals(entries, storedEntries(), "a simulation stores nothing in CCR");
        assertEquals("simulate", plan.get("mode").asText());
        assertEquals(request.get("messages"), plan.get("messages"), "the original messages, unchanged");
        assertTrue(plan.get("ccr_hashes").isArray() && plan.get("ccr_hashes").isEmpty());
        int before = plan.get("tokens_before").asInt();
        int after = plan.get("tokens_after").asInt();
        assertTrue(before > 5_000 && after < before / 2, before + " -> " + after);
        assertEquals(before - after, plan.get("tokens_saved").asInt());
        assertEquals((double) after / before, plan.get("compression_ratio").asDouble(), 0.0001);
        assertFalse(plan.get("transforms").isEmpty());
        assertEquals(plan.get("tokens_after"), alias.get("tokens_after"), "config.mode is the same switch");
        assertEquals(plan.get("blocks"), alias.get("blocks"));

        List<String> kinds = plan.get("blocks").findValuesAsText("kind");
        assertEquals(List.of("system", "user", "tool_call", "tool_result"), kinds);
        JsonNode tool = plan.get("blocks").get(3);
        assertEquals("tool", tool.get("role").asText());
        assertEquals(3, tool.get("message_index").asInt());
        assertEquals("json", tool.get("content_type").asText());
        assertTrue(tool.get("transform").asText().startsWith("router:json:"), tool.toString());
        assertTrue(tool.get("tokens_after").asInt() < tool.get("tokens_before").asInt());
        JsonNode bloat = plan.at("/waste_signals/json_bloat");
        assertEquals(tool.get("tokens_before").asInt() - tool.get("tokens_after").asInt(), bloat.get("tokens").asInt());
        assertEquals(3, bloat.at("/blocks/0").asInt());
        for (String signal : List.of("html_noise", "whitespace", "dynamic_dates", "repetition")) {
            assertTrue(plan.at("/waste_signals/" + signal + "/tokens").isInt(), signal);
        }

        // what optimize then does is exactly the plan, and it does store
        JsonNode optimized = post(request);
        assertEquals(before, optimized.get("tokens_before").asInt());
        assertEquals(after, optimized.get("tokens_after").asInt());
        assertEquals(plan.get("transforms"), optimized.get("transforms_applied"));
        assertEquals(1, optimized.get("ccr_hashes").size());
        assertEquals(entries + 1, storedEntries(), "optimize stores the original the plan did not");
    }

    @Test
    void auditReportsSavingsAndReturnsTheOriginal() throws Exception {
        ObjectNode request = uniqueExample();
        long entries = storedEntries();

        JsonNode audit = post(withMode(request, "default_mode", "audit"));

        assertEquals(entries, storedEntries(), "audit stores nothing");
        assertEquals(request.get("messages"), audit.get("messages"), "messages unchanged");
        assertTrue(audit.get("ccr_hashes").isEmpty());
        assertTrue(audit.get("tokens_saved").asInt() > 0, "reports what optimize would save");
        assertFalse(audit.get("transforms_applied").isEmpty());
        JsonNode optimized = post(withMode(request, "default_mode", "optimize"));
        assertEquals(optimized.get("tokens_after"), audit.get("tokens_after"));
    }

    @Test
    void unknownModeIs400ValidationError() throws Exception {
        ObjectNode request = (ObjectNode) ExampleRequests.chatRequest(mapper);
        for (ObjectNode bad : List.of(withMode(request, "default_mode", "dry_run"), withMode(request, "mode", "turbo"))) {
            given().contentType("application/json").body(mapper.writeValueAsBytes(bad)).post("/v1/compress")
                    .then().statusCode(400)
                    .contentType(containsString("application/json"))
                    .body("error.type", equalTo("validation_error"))
                    .body("error.message", containsString("expected optimize, audit or simulate"));
        }
        ObjectNode notText = request.deepCopy();
        notText.putObject("config").put("default_mode", 1);
        given().contentType("application/json").body(mapper.writeValueAsBytes(notText)).post("/v1/compress")
                .then().statusCode(400).body("error.type", equalTo("validation_error"));
    }
}
