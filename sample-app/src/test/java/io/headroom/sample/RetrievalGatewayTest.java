package io.headroom.sample;

import io.headroom.conformance.retrieve.RetrievalStub;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model calls headroom_retrieve; the gateway answers it from the CCR store and asks again, so the
 * client only sees the final answer. Real HTTP: client -> gateway -> {@link RetrievalStub}.
 */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
class RetrievalGatewayTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @InjectUpstreamStub
    RetrievalStub upstream;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    /** 120 uniform orders: compression keeps a few, {@link RetrievalStub#NEEDLE} is not among them. */
    /** A streamed Anthropic request whose {@code list_orders} tool result is {@link #orders()}. */
    static ObjectNode streamedAnthropicOrders(ObjectMapper mapper) {
        ObjectNode r = mapper.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 512)
                .put("stream", true);
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Summarize the orders.");
        messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "tool_use")
                .put("id", "toolu_1").put("name", "list_orders").putObject("input");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "toolu_1").put("content", orders());
        return r;
    }

    static String orders() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(
                    "{\"id\":\"order-%05d\",\"status\":\"shipped\",\"amount\":%d,\"region\":\"eu-west\"}", i, 40 + i % 7));
        }
        return sb.append(']').toString();
    }

    private ObjectNode chatRequest(boolean stream) {
        ObjectNode r = mapper.createObjectNode();
        r.put("model", "gpt-4o");
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are an order analyst.");
        messages.addObject().put("role", "user").put("content", "Summarize the orders.");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "list_orders").put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", orders());
        r.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "list_orders")
                .putObject("parameters").put("type", "object");
        r.put("tool_choice", "auto");
        if (stream) {
            r.put("stream", true);
        }
        return r;
    }

    private ObjectNode anthropicRequest(boolean stream) {
        ObjectNode r = mapper.createObjectNode();
        r.put("model", "claude-sonnet-4-5");
        r.put("max_tokens", 512);
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Summarize the orders.");
        messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "tool_use")
                .put("id", "toolu_1").put("name", "list_orders").putObject("input");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "toolu_1").put("content", orders());
        r.putArray("tools").addObject().put("name", "list_orders").putObject("input_schema").put("type", "object");
        if (stream) {
            r.put("stream", true);
        }
        return r;
    }

    @Test
    void openAiChatRetrieveCallIsAnsweredByTheGateway() throws Exception {
        Response r = given().contentType("application/json").header("Authorization", "Bearer sk-test-not-real")
                .body(mapper.writeValueAsBytes(chatRequest(false))).post("/v1/chat/completions");

        r.then().statusCode(200).header("x-headroom-compressed", "true")
                .body("choices[0].message.content", equalTo("The full list includes " + RetrievalStub.NEEDLE + "."));
        assertFalse(r.asString().contains("headroom_retrieve"), "the client never sees the retrieve call");

        List<JsonNode> got = upstream.received();
        assertEquals(2, got.size(), "one retrieval round");
        JsonNode first = got.get(0);
        assertFalse(first.toString().contains(RetrievalStub.NEEDLE), "the needle was compressed away");
        assertEquals(List.of("list_orders", "headroom_retrieve"), chatToolNames(first), "tool injected after the client's");
        assertEquals("auto", first.path("tool_choice").asText(), "tool_choice untouched");
        JsonNode messages = got.get(1).path("messages");
        JsonNode toolResult = messages.get(messages.size() - 1);
        assertEquals("tool", toolResult.path("role").asText());
        assertEquals(orders(), toolResult.path("content").asText(), "the tool result is the original, byte-identical");
        assertEquals("headroom_retrieve",
                messages.get(messages.size() - 2).at("/tool_calls/0/function/name").asText());
    }

    @Test
    void anthropicRetrieveCallIsAnsweredByTheGateway() throws Exception {
        Response r = given().contentType("application/json").header("x-api-key", "sk-ant-test-not-real")
                .body(mapper.writeValueAsBytes(anthropicRequest(false))).post("/v1/messages");

        r.then().statusCode(200).body("content[0].text", equalTo("The full list includes " + RetrievalStub.NEEDLE + "."));
        assertFalse(r.asString().contains("headroom_retrieve"));

        List<JsonNode> got = upstream.received();
        assertEquals(2, got.size());
        assertEquals("headroom_retrieve", got.get(0).path("tools").get(1).path("name").asText());
        assertTrue(got.get(0).path("tools").get(1).has("input_schema"));
        JsonNode messages = got.get(1).path("messages");
        JsonNode result = messages.get(messages.size() - 1).path("content").get(0);
        assertEquals("tool_result", result.path("type").asText());
        assertEquals(orders(), result.path("content").asText());
        assertEquals("Let me fetch that.", messages.get(messages.size() - 2).at("/content/0/text").asText(),
                "the assistant turn goes back unchanged");
    }

    @Test
    void openAiChatStreamContinuesWithTheFollowUpStream() throws Exception {
        List<String> lines = stream("/v1/chat/completions", chatRequest(true), "Authorization", "Bearer sk-test-not-real");

        List<String> data = lines.stream().filter(l -> l.startsWith("data: ")).toList();
        assertEquals("data: [DONE]", data.get(data.size() - 1));
        assertEquals(1, data.stream().filter(l -> l.equals("data: [DONE]")).count(), "one stream, one [DONE]");
        assertTrue(lines.stream().noneMatch(l -> l.contains("headroom_retrieve")), String.join("\n", lines));
        StringBuilder text = new StringBuilder();
        int roleChunks = 0;
        for (String l : data.subList(0, data.size() - 1)) {
            JsonNode delta = mapper.readTree(l.substring(6)).at("/choices/0/delta");
            text.append(delta.path("content").asText(""));
            roleChunks += delta.has("role") ? 1 : 0;
        }
        assertEquals("The full list includes " + RetrievalStub.NEEDLE + ".", text.toString());
        assertEquals(1, roleChunks, "the follow-up's role preamble is dropped");
        assertEquals(2, upstream.received().size());
        assertTrue(upstream.received().get(1).path("stream").asBoolean(), "the follow-up streams too");
    }

    @Test
    void anthropicStreamContinuesWithTheFollowUpStream() throws Exception {
        List<String> lines = stream("/v1/messages", anthropicRequest(true), "x-api-key", "sk-ant-test-not-real");

        assertTrue(lines.stream().noneMatch(l -> l.contains("headroom_retrieve")), String.join("\n", lines));
        List<String> events = lines.stream().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).toList();
        assertEquals(1, events.stream().filter("message_start"::equals).count(), String.join("\n", lines));
        assertEquals("message_stop", events.get(events.size() - 1));
        assertEquals(1, events.stream().filter("message_stop"::equals).count());
        List<JsonNode> data = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("data: ")) {
                data.add(mapper.readTree(l.substring(6)));
            }
        }
        List<String> starts = data.stream().filter(d -> d.path("type").asText().equals("content_block_start"))
                .map(d -> d.path("index").asInt() + ":" + d.at("/content_block/type").asText()).toList();
        assertEquals(List.of("0:text", "1:text"), starts, "the follow-up's block continues the numbering");
        String finalText = data.stream().filter(d -> d.path("index").asInt(-1) == 1 && d.has("delta"))
                .map(d -> d.at("/delta/text").asText()).reduce("", String::concat);
        assertEquals("The full list includes " + RetrievalStub.NEEDLE + ".", finalText);
        assertEquals("end_turn", data.stream().filter(d -> d.path("type").asText().equals("message_delta"))
                .reduce((a, b) -> b).orElseThrow().at("/delta/stop_reason").asText());
    }

    @Test
    void roundsAreBoundedWhenTheModelKeepsCalling() throws Exception {
        Response r = given().contentType("application/json").header("Authorization", "Bearer sk-test-not-real")
                .header("x-stub-retrieve", "always")
                .body(mapper.writeValueAsBytes(chatRequest(false))).post("/v1/chat/completions");

        r.then().statusCode(200);
        assertEquals(1 + 3, upstream.received().size(), "first call plus headroom.retrieve.max-rounds follow-ups");
        // past the bound the last answer is passed on as it is
        assertEquals("headroom_retrieve", r.jsonPath().getString("choices[0].message.tool_calls[0].function.name"));
    }

    @Test
    void nothingCompressedMeansNoToolAndNoInterception() throws Exception {
        ObjectNode small = chatRequest(false);
        ((ObjectNode) small.at("/messages/3")).put("content", "[{\"id\":\"order-1\"}]");
        given().contentType("application/json").header("Authorization", "Bearer sk-test-not-real")
                .body(mapper.writeValueAsBytes(small)).post("/v1/chat/completions")
                .then().statusCode(200).header("x-headroom-compressed", "false")
                .body("choices[0].message.content", equalTo("stub answer"));

        assertEquals(1, upstream.received().size());
        assertEquals(List.of("list_orders"), chatToolNames(upstream.received().get(0)));
    }

    @Test
    void toolCallEndpointAnswersOpenAiAndAnthropicShapes() throws Exception {
        ObjectNode compress = mapper.createObjectNode();
        compress.put("model", "gpt-4o");
        compress.set("messages", chatRequest(false).get("messages"));
        String hash = given().contentType("application/json").body(mapper.writeValueAsBytes(compress))
                .post("/v1/compress").then().statusCode(200).extract().jsonPath().getString("ccr_hashes[0]");

        ObjectNode openai = mapper.createObjectNode().put("provider", "openai");
        openai.putObject("tool_call").put("id", "call_9").put("type", "function").putObject("function")
                .put("name", "headroom_retrieve").put("arguments", "{\"hash\":\"" + hash + "\"}");
        given().contentType("application/json").body(mapper.writeValueAsBytes(openai)).post("/v1/retrieve/tool_call")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("tool_result.role", equalTo("tool"))
                .body("tool_result.tool_call_id", equalTo("call_9"))
                .body("tool_result.content", equalTo(orders()));

        ObjectNode anthropic = mapper.createObjectNode().put("provider", "anthropic");
        anthropic.putObject("tool_call").put("type", "tool_use").put("id", "toolu_9").put("name", "headroom_retrieve")
                .putObject("input").put("hash", "0123456789abcdef0123");
        given().contentType("application/json").body(mapper.writeValueAsBytes(anthropic)).post("/v1/retrieve/tool_call")
                .then().statusCode(200)
                .body("success", equalTo(false))
                .body("tool_result.type", equalTo("tool_result"))
                .body("tool_result.tool_use_id", equalTo("toolu_9"))
                .body("tool_result.is_error", equalTo(true));

        ObjectNode other = mapper.createObjectNode().put("provider", "openai");
        other.putObject("tool_call").put("id", "c").putObject("function").put("name", "list_orders").put("arguments", "{}");
        given().contentType("application/json").body(mapper.writeValueAsBytes(other)).post("/v1/retrieve/tool_call")
                .then().statusCode(400).body("error.type", equalTo("validation_error"));
    }

    private static List<String> chatToolNames(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.path("tools").forEach(t -> names.add(t.at("/function/name").asText()));
        return names;
    }

    private List<String> stream(String path, ObjectNode request, String authHeader, String auth) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header(authHeader, auth)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<java.util.stream.Stream<String>> resp = client.send(post, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        assertEquals("true", resp.headers().firstValue("x-headroom-compressed").orElse(""));
        return resp.body().toList();
    }
}
