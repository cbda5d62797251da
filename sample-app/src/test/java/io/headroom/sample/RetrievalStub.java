package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in model on loopback that uses headroom_retrieve the way a real one would: asked a question
 * over compressed data it calls headroom_retrieve with the hash from the request's marker; given the
 * tool result it answers with text that quotes {@link #NEEDLE} if (and only if) the tool result it
 * got contains it, else with {@link #MISSING}. With {@code x-stub-retrieve: always} it never stops
 * calling. Speaks OpenAI chat (JSON and SSE) and Anthropic Messages (JSON and SSE).
 */
final class RetrievalStub implements AutoCloseable {
    static final String NEEDLE = "order-00057";
    static final String MISSING = "the tool result did not contain the needle";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{8,})");

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    RetrievalStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = mapper.readTree(ex.getRequestBody().readAllBytes());
            received.add(body);
            boolean anthropic = ex.getRequestURI().getPath().endsWith("/messages");
            boolean always = "always".equals(ex.getRequestHeaders().getFirst("x-stub-retrieve"));
            String toolResult = anthropic ? lastAnthropicToolResult(body) : lastChatToolResult(body);
            Matcher m = HASH.matcher(body.toString());
            String hash = m.find() ? m.group(1) : null;
            boolean call = hash != null && (always || toolResult == null);
            String text = toolResult != null && toolResult.contains(NEEDLE)
                    ? "The full list includes " + NEEDLE + "." : toolResult != null ? MISSING : "stub answer";
            boolean stream = body.path("stream").asBoolean(false);
            List<String> events = new ArrayList<>();
            String json;
            if (anthropic) {
                json = call ? anthropicCall(hash, received.size(), stream, events) : anthropicText(text, stream, events);
            } else {
                json = call ? chatCall(hash, received.size(), stream, events) : chatText(text, stream, events);
            }
            if (stream) {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                for (String e : events) {
                    out.write(e.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } else {
                byte[] data = json.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.getResponseHeaders().add("x-request-id", "req_" + received.size());
                ex.sendResponseHeaders(200, data.length);
                ex.getResponseBody().write(data);
            }
        }
    }

    private static String lastChatToolResult(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        if (!"tool".equals(last.path("role").asText())) {
            return null;
        }
        // the tool result must answer the assistant's headroom_retrieve call just before it
        JsonNode call = messages.path(messages.size() - 2).path("tool_calls").path(0);
        if (!"headroom_retrieve".equals(call.at("/function/name").asText())) {
            return null; // the client's own tool result: the conversation has not retrieved yet
        }
        return call.path("id").asText().equals(last.path("tool_call_id").asText()) ? last.path("content").asText() : "";
    }

    private static String lastAnthropicToolResult(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        JsonNode block = last.path("content").path(0);
        if (!"tool_result".equals(block.path("type").asText())) {
            return null;
        }
        JsonNode assistant = messages.path(messages.size() - 2);
        for (JsonNode b : assistant.path("content")) {
            if ("tool_use".equals(b.path("type").asText()) && b.path("id").asText().equals(block.path("tool_use_id").asText())) {
                return "headroom_retrieve".equals(b.path("name").asText()) ? block.path("content").asText() : null;
            }
        }
        return "";
    }

    private String chatCall(String hash, int n, boolean stream, List<String> events) {
        String id = "call_r" + n;
        String args = "{\"hash\":\"" + hash + "\"}";
        if (stream) {
            events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"" + id + "\",\"type\":\"function\",\"function\":"
                    + "{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]}", null));
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(args.substring(0, 5)) + "}}]}", null));
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(args.substring(5)) + "}}]}", null));
            events.add(chunk("{}", "tool_calls"));
            events.add("data: [DONE]\n\n");
        }
        return "{\"id\":\"chatcmpl-r" + n + "\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + id + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":" + quote(args) + "}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}";
    }

    private String chatText(String text, boolean stream, List<String> events) {
        if (stream) {
            events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            int half = text.length() / 2;
            events.add(chunk("{\"content\":" + quote(text.substring(0, half)) + "}", null));
            events.add(chunk("{\"content\":" + quote(text.substring(half)) + "}", null));
            events.add(chunk("{}", "stop"));
            events.add("data: [DONE]\n\n");
        }
        return "{\"id\":\"chatcmpl-final\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":" + quote(text) + "},\"finish_reason\":\"stop\"}]}";
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private String anthropicCall(String hash, int n, boolean stream, List<String> events) {
        String id = "toolu_r" + n;
        if (stream) {
            events.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_r" + n + "\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"stub\",\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"));
            events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me fetch that.\"}}"));
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                    + "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"headroom_retrieve\",\"input\":{}}}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":" + quote("{\"hash\": \"") + "}}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":" + quote(hash + "\"}") + "}}"));
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"));
            events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
                    + "\"usage\":{\"output_tokens\":20}}"));
            events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        }
        return "{\"id\":\"msg_r" + n + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stub\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Let me fetch that.\"},{\"type\":\"tool_use\",\"id\":\"" + id + "\","
                + "\"name\":\"headroom_retrieve\",\"input\":{\"hash\":\"" + hash + "\"}}],\"stop_reason\":\"tool_use\"}";
    }

    private String anthropicText(String text, boolean stream, List<String> events) {
        if (stream) {
            events.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_final\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"stub\",\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"));
            events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            events.add(event("ping", "{\"type\":\"ping\"}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(text) + "}}"));
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                    + "\"usage\":{\"output_tokens\":12}}"));
            events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        }
        return "{\"id\":\"msg_final\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stub\",\"content\":["
                + "{\"type\":\"text\",\"text\":" + quote(text) + "}],\"stop_reason\":\"end_turn\"}";
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private String quote(String s) {
        ObjectNode holder = mapper.createObjectNode().put("v", s);
        return holder.get("v").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
