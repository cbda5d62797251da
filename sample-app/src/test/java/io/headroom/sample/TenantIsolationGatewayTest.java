package io.headroom.sample;

import io.headroom.conformance.retrieve.RetrievalStub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CCR isolation per caller, on by default in the gateway: an original stored while forwarding caller A's
 * request (or compressing it on /v1/compress, or in the MCP compress tool) is retrievable by A only.
 * Caller B, who knows the hash, gets 404 on /v1/retrieve, a not-found tool result on
 * /v1/retrieve/tool_call and an error from the MCP retrieve tool. The model's retrieval loop keeps
 * working for A. Real HTTP: client -> gateway -> {@link RetrievalStub}.
 */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
class TenantIsolationGatewayTest {
    static final String KEY_A = "sk-tenant-a-0000000000000000";
    static final String KEY_B = "sk-tenant-b-1111111111111111";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(); // h2c would bypass the filter (HTTP/2 is forwarded untouched)

    @InjectUpstreamStub
    RetrievalStub upstream;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    /**
     * {@link RetrievalGatewayTest#orders()} in another region: content no other test class stores, since
     * test classes with the same resources share one application and so one CCR store.
     */
    static String orders() {
        return RetrievalGatewayTest.orders().replace("eu-west", "ap-south-isolation");
    }

    static ObjectNode chatRequest(ObjectMapper mapper) {
        ObjectNode r = mapper.createObjectNode();
        r.put("model", "gpt-4o");
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Summarize the orders.");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "list_orders").put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", TenantIsolationGatewayTest.orders());
        return r;
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String retrieveBody(String hash) {
        return "{\"hash\":\"" + hash + "\"}";
    }

    /** A's request through the gateway; returns the hash in the marker the model saw. */
    private String forwardAsA() throws Exception {
        HttpResponse<String> r = post("v1/chat/completions", mapper.writeValueAsString(chatRequest(mapper)),
                "Authorization", "Bearer " + KEY_A);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(null));
        // the model's retrieval loop still works for A: the gateway answered headroom_retrieve from A's scope
        assertEquals("The full list includes " + RetrievalStub.NEEDLE + ".",
                mapper.readTree(r.body()).at("/choices/0/message/content").asText());
        Matcher m = HASH.matcher(upstream.received().get(0).toString());
        assertTrue(m.find(), "the forwarded request carries a marker");
        return m.group(1);
    }

    @Test
    void anotherCallerCannotRetrieveByHash() throws Exception {
        String hash = forwardAsA();

        HttpResponse<String> b = post("v1/retrieve", retrieveBody(hash), "Authorization", "Bearer " + KEY_B);
        assertEquals(404, b.statusCode(), b.body());
        assertEquals("not_found", mapper.readTree(b.body()).at("/error/type").asText());
        assertFalse(b.body().contains(RetrievalStub.NEEDLE));
        assertEquals(404, post("v1/retrieve", retrieveBody(hash), "x-api-key", KEY_B).statusCode());
        assertEquals(404, post("v1/retrieve", retrieveBody(hash)).statusCode(), "no credential: the shared scope");

        HttpResponse<String> a = post("v1/retrieve", retrieveBody(hash), "Authorization", "Bearer " + KEY_A);
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(TenantIsolationGatewayTest.orders(), mapper.readTree(a.body()).get("original_content").asText(),
                "byte-identical for its owner");
        // Anthropic SDKs send the same key as x-api-key: same caller, same scope
        assertEquals(200, post("v1/retrieve", retrieveBody(hash), "x-api-key", KEY_A).statusCode());

        String call = "{\"provider\":\"openai\",\"tool_call\":{\"id\":\"c1\",\"function\":{\"name\":\"headroom_retrieve\","
                + "\"arguments\":\"{\\\"hash\\\":\\\"" + hash + "\\\"}\"}}}";
        JsonNode toolB = mapper.readTree(post("v1/retrieve/tool_call", call, "Authorization", "Bearer " + KEY_B).body());
        assertFalse(toolB.get("success").asBoolean());
        assertFalse(toolB.toString().contains(RetrievalStub.NEEDLE));
        JsonNode toolA = mapper.readTree(post("v1/retrieve/tool_call", call, "Authorization", "Bearer " + KEY_A).body());
        assertTrue(toolA.get("success").asBoolean());
        assertEquals(TenantIsolationGatewayTest.orders(), toolA.at("/tool_result/content").asText());
    }

    @Test
    void compressEndpointStoresInTheCallersScope() throws Exception {
        ObjectNode request = chatRequest(mapper);
        HttpResponse<String> c = post("v1/compress", mapper.writeValueAsString(request), "x-api-key", KEY_A);
        assertEquals(200, c.statusCode(), c.body());
        String hash = mapper.readTree(c.body()).get("ccr_hashes").get(0).asText();
        assertEquals(404, post("v1/retrieve", retrieveBody(hash), "x-api-key", KEY_B).statusCode());
        HttpResponse<String> a = post("v1/retrieve", retrieveBody(hash), "Authorization", "Bearer " + KEY_A);
        assertEquals(200, a.statusCode());
        assertEquals(TenantIsolationGatewayTest.orders(), mapper.readTree(a.body()).get("original_content").asText());
    }

    @Test
    void mcpToolsUseTheCredentialsOfEachRequest() throws Exception {
        String session = mcpInitialize(KEY_A);
        ObjectNode compress = mcpCall(2, "headroom_compress");
        ((ObjectNode) compress.at("/params/arguments")).put("content", TenantIsolationGatewayTest.orders());
        JsonNode compressed = mcp(session, compress, KEY_A);
        assertFalse(compressed.at("/result/isError").asBoolean(), compressed.toString());
        String hash = mapper.readTree(compressed.at("/result/content/0/text").asText()).get("hash").asText();
        assertEquals(24, hash.length(), compressed.toString());

        ObjectNode retrieve = mcpCall(3, "headroom_retrieve");
        ((ObjectNode) retrieve.at("/params/arguments")).put("hash", hash);
        JsonNode asB = mcp(session, retrieve, KEY_B); // same session, other credential
        assertTrue(asB.at("/result/isError").asBoolean(), asB.toString());
        assertFalse(asB.toString().contains(RetrievalStub.NEEDLE));
        JsonNode asA = mcp(session, retrieve, KEY_A);
        assertFalse(asA.at("/result/isError").asBoolean(), asA.toString());
        assertEquals(TenantIsolationGatewayTest.orders(),
                mapper.readTree(asA.at("/result/content/0/text").asText()).get("original_content").asText());
        assertEquals(404, post("v1/retrieve", retrieveBody(hash), "Authorization", "Bearer " + KEY_B).statusCode());
    }

    private ObjectNode mcpCall(int id, String tool) {
        ObjectNode call = mapper.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", "tools/call");
        call.putObject("params").put("name", tool).putObject("arguments");
        return call;
    }

    private String mcpInitialize(String key) throws Exception {
        HttpResponse<String> r = post("mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                "Accept", "application/json, text/event-stream", "Authorization", "Bearer " + key);
        assertEquals(200, r.statusCode(), r.body());
        String session = r.headers().firstValue("Mcp-Session-Id").orElse(null);
        assertNotNull(session);
        assertEquals(202, post("mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "Accept", "application/json, text/event-stream", "Mcp-Session-Id", session,
                "Authorization", "Bearer " + key).statusCode());
        return session;
    }

    private JsonNode mcp(String session, ObjectNode message, String key) throws Exception {
        HttpResponse<String> r = post("mcp", mapper.writeValueAsString(message), "Accept", "application/json",
                "Mcp-Session-Id", session, "Authorization", "Bearer " + key);
        assertEquals(200, r.statusCode(), r.body());
        return mapper.readTree(r.body());
    }
}
