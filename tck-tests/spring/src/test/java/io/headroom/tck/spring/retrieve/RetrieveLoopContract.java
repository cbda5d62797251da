package io.headroom.tck.spring.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.conformance.retrieve.RetrievalStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The servlet filter answers the model's {@code headroom_retrieve} calls in a Spring host, over real HTTP against a
 * loopback provider ({@link RetrievalStub}) that calls the tool whenever its input was compressed: for OpenAI chat,
 * Responses and Anthropic messages, streamed and not, the client gets one answer (one well-formed stream) with the
 * model's text and no call in it, and the provider's follow-up holds the original tool output byte-identical. A host
 * implements {@link #start} and names its ways of answering ({@link #relays}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RetrieveLoopContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "The full list includes " + RetrievalStub.NEEDLE + ".";

    /** The provider API a case speaks. */
    enum Shape {
        CHAT("/v1/chat/completions"), RESPONSES("/v1/responses"), MESSAGES("/v1/messages");

        final String path;

        Shape(String path) {
            this.path = path;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private RetrievalStub provider;
    private URI base;

    /** Starts the host on a loopback port with Headroom in front of an application calling {@code upstream}. */
    protected abstract URI start(String upstream) throws Exception;

    protected abstract void stop() throws Exception;

    /** The host's ways of answering, each as the request headers that pick it (an empty array for the only one). */
    protected abstract Stream<String[]> relays();

    @BeforeAll
    void startHost() throws Exception {
        provider = new RetrievalStub();
        base = start(provider.baseUrl());
    }

    @AfterAll
    void stopHost() throws Exception {
        stop();
        provider.close();
    }

    @BeforeEach
    void forget() {
        provider.clear();
        provider.expectOriginal(orders());
    }

    Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        relays().forEach(relay -> {
            for (Shape shape : Shape.values()) {
                for (boolean stream : new boolean[] {false, true}) {
                    all.add(Arguments.of(String.join("=", relay), shape, stream));
                }
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} stream={2}")
    @MethodSource("cases")
    void theCallIsAnsweredAndTheClientGetsOneAnswer(String relay, Shape shape, boolean stream) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(shape.path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request(shape, stream))));
        if (!relay.isEmpty()) {
            request.headers(relay.split("="));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("true", response.headers().firstValue("x-headroom-compressed").orElse(null));
        String body = response.body();
        assertFalse(body.contains("headroom_retrieve"), "a call reached the client: " + body);
        List<JsonNode> received = provider.received();
        assertEquals(2, received.size(), "the provider is called once per round: " + received);
        String first = received.get(0).toString();
        assertFalse(first.contains(RetrievalStub.NEEDLE), "the first request was compressed");
        assertTrue(first.contains("\"headroom_retrieve\""), "and offered the tool");
        assertEquals(orders(), toolResult(shape, received.get(1)), "the follow-up carries the original, byte-identical");
        if (stream) {
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            assertOneStream(shape, body);
        } else {
            assertEquals(ANSWER, text(shape, JSON.readTree(body)), body);
        }
    }

    /** The stream is one of its protocol: one opening, one end, the model's text in between. */
    private static void assertOneStream(Shape shape, String stream) {
        StringBuilder text = new StringBuilder();
        for (String line : stream.split("\n")) {
            if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                continue;
            }
            JsonNode data = read(line.substring("data: ".length()));
            switch (shape) {
                case CHAT -> text.append(data.at("/choices/0/delta/content").asText(""));
                case RESPONSES -> {
                    if ("response.output_text.delta".equals(data.path("type").asText())) {
                        text.append(data.path("delta").asText());
                    }
                }
                case MESSAGES -> text.append(data.at("/delta/text").asText(""));
            }
        }
        assertTrue(text.toString().endsWith(ANSWER), "the model's text: " + stream);
        switch (shape) {
            case CHAT -> {
                assertEquals(1, count(stream, "\"role\":\"assistant\""), "one role: " + stream);
                assertEquals(1, count(stream, "data: [DONE]"), stream);
                assertTrue(stream.endsWith("data: [DONE]\n\n"), stream);
            }
            case RESPONSES -> {
                assertEquals(1, count(stream, "event: response.created"), stream);
                assertEquals(1, count(stream, "event: response.completed"), stream);
                Matcher ids = Pattern.compile("\"response\":\\{\"id\":\"([^\"]+)\"").matcher(stream);
                List<String> seen = new ArrayList<>();
                while (ids.find()) {
                    seen.add(ids.group(1));
                }
                assertEquals(1, seen.stream().distinct().count(), "one response id: " + seen);
            }
            case MESSAGES -> {
                assertEquals(1, count(stream, "event: message_start"), stream);
                assertEquals(1, count(stream, "event: message_stop"), stream);
                assertTrue(stream.trim().endsWith("data: {\"type\":\"message_stop\"}"), stream);
            }
        }
    }

    private static String text(Shape shape, JsonNode answer) {
        return switch (shape) {
            case CHAT -> answer.at("/choices/0/message/content").asText();
            case RESPONSES -> answer.at("/output/0/content/0/text").asText();
            case MESSAGES -> answer.at("/content/0/text").asText();
        };
    }

    /** The last input item: the answer to the model's headroom_retrieve call. */
    private static String toolResult(Shape shape, JsonNode followUp) {
        return switch (shape) {
            case CHAT -> last(followUp.path("messages")).path("content").asText();
            case RESPONSES -> last(followUp.path("input")).path("output").asText();
            case MESSAGES -> last(followUp.path("messages")).path("content").path(0).path("content").asText();
        };
    }

    private static JsonNode last(JsonNode array) {
        return array.path(array.size() - 1);
    }

    /** 120 uniform orders: compression keeps a few, {@link RetrievalStub#NEEDLE} is not among them. */
    static String orders() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(
                    "{\"id\":\"order-%05d\",\"status\":\"shipped\",\"amount\":%d,\"region\":\"eu-west\"}", i, 40 + i % 7));
        }
        return sb.append(']').toString();
    }

    private static ObjectNode request(Shape shape, boolean stream) {
        ObjectNode r = JSON.createObjectNode();
        switch (shape) {
            case CHAT -> {
                r.put("model", "gpt-4o");
                ArrayNode messages = r.putArray("messages");
                messages.addObject().put("role", "user").put("content", "Summarize the orders.");
                ObjectNode assistant = messages.addObject().put("role", "assistant");
                assistant.putNull("content");
                assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                        .putObject("function").put("name", "list_orders").put("arguments", "{}");
                messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", orders());
                r.putArray("tools").addObject().put("type", "function").putObject("function")
                        .put("name", "list_orders").putObject("parameters").put("type", "object");
            }
            case RESPONSES -> {
                r.put("model", "gpt-4o");
                ArrayNode input = r.putArray("input");
                input.addObject().put("role", "user").put("content", "Summarize the orders.");
                input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "list_orders")
                        .put("arguments", "{}");
                input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", orders());
                r.putArray("tools").addObject().put("type", "function").put("name", "list_orders")
                        .putObject("parameters").put("type", "object");
            }
            case MESSAGES -> {
                r.put("model", "claude-sonnet-4-5");
                r.put("max_tokens", 512);
                ArrayNode messages = r.putArray("messages");
                messages.addObject().put("role", "user").put("content", "Summarize the orders.");
                messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "tool_use")
                        .put("id", "toolu_1").put("name", "list_orders").putObject("input");
                messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                        .put("tool_use_id", "toolu_1").put("content", orders());
                r.putArray("tools").addObject().put("name", "list_orders").putObject("input_schema")
                        .put("type", "object");
            }
        }
        if (stream) {
            r.put("stream", true);
        }
        return r;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
