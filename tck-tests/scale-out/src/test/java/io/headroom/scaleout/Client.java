package io.headroom.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client of the replicas over real HTTP, always with the same credential, so every call is in one CCR scope. */
final class Client {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CREDENTIAL = "Bearer sk-scale-out-test-not-real";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String compressedHeader, String body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }

    /** 120 uniform orders, distinct per {@code seed}: a tool output SmartCrusher compresses, with its own hash. */
    static String orders(int seed) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(
                    "{\"id\":\"order-%d-%05d\",\"status\":\"shipped\",\"amount\":%d,\"region\":\"eu-west\"}", seed, i, 40 + i % 7));
        }
        return sb.append(']').toString();
    }

    /** A Chat Completions request whose tool message holds {@link #orders(int)}. */
    static ObjectNode chat(int seed, String userText, boolean stream) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("model", "gpt-4o");
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are an order analyst.");
        messages.addObject().put("role", "user").put("content", userText);
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "list_orders").put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", orders(seed));
        r.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "list_orders")
                .putObject("parameters").put("type", "object");
        if (stream) {
            r.put("stream", true);
        }
        return r;
    }

    /** The body of POST /v1/compress for the messages of {@link #chat}. */
    static ObjectNode compress(int seed) {
        ObjectNode chat = chat(seed, "Summarize the orders.", false);
        ObjectNode r = MAPPER.createObjectNode();
        r.put("model", "gpt-4o");
        r.set("messages", chat.get("messages"));
        return r;
    }

    Answer post(GatewayReplica replica, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", CREDENTIAL)
                .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    Answer get(GatewayReplica replica, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", CREDENTIAL)
                .GET()
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** POST /v1/retrieve {hash}. */
    Answer retrieve(GatewayReplica replica, String hash) throws IOException, InterruptedException {
        return post(replica, "/v1/retrieve", MAPPER.createObjectNode().put("hash", hash));
    }

    private static Answer answer(HttpResponse<String> r) {
        return new Answer(r.statusCode(), r.headers().firstValue("x-headroom-compressed").orElse(null), r.body());
    }
}
