package io.headroom.jaxrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider the test resource forwards to, on a loopback port (the JDK's HTTP server): OpenAI chat (gpt-4o's
 * streamed shape: role and tool call in the first chunk), Responses and Anthropic messages, streamed or not. A
 * request whose tool output was compressed (it holds a {@code hash=} marker) is answered with a
 * {@code headroom_retrieve} call for that hash; the follow-up that answers it with {@link #answer()} when the tool
 * result is the original byte-identical, else with {@link #MISSING} — or, when {@link #refuseFollowUps} is set, with
 * 429 and {@code retry-after}. Every request body is kept.
 */
final class RetrievingProvider implements AutoCloseable {
    static final String MISSING = "the tool result was not the original";
    static final String NEEDLE = "DB-POOL-EXHAUSTED-4471";
    private static final String CALL_ID = "call_hr";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{8,})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String original;
    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile boolean refuseFollowUps;

    RetrievingProvider(String original) throws IOException {
        this.original = original;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static String answer() {
        return "The logs show " + NEEDLE + ".";
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(body);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("authorization")));
        String path = exchange.getRequestURI().getPath();
        Shape shape = path.endsWith("/messages") ? new Anthropic() : path.endsWith("/responses") ? new Responses()
                : new Chat();
        boolean stream = body.path("stream").asBoolean(false);
        String toolResult = shape.retrieveResult(body);
        Matcher hash = HASH.matcher(body.toString());
        if (toolResult != null && refuseFollowUps) {
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.getResponseHeaders().add("retry-after", "7");
            send(exchange, 429, List.of("{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));
            return;
        }
        boolean call = toolResult == null && hash.find();
        String text = original.equals(toolResult) ? answer() : MISSING;
        exchange.getResponseHeaders().add("content-type", stream ? "text/event-stream" : "application/json");
        if (stream) {
            send(exchange, 200, call ? shape.streamedCall(hash.group(1)) : shape.streamedText(text));
        } else {
            send(exchange, 200, List.of(call ? shape.call(hash.group(1)) : shape.text(text)));
        }
    }

    private static void send(HttpExchange exchange, int status, List<String> parts) throws IOException {
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String part : parts) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** One provider's request and answer shapes. */
    private interface Shape {
        /** The tool result answering our headroom_retrieve call when the request's last item is one, else null. */
        String retrieveResult(JsonNode body);

        String call(String hash);

        String text(String text);

        List<String> streamedCall(String hash);

        List<String> streamedText(String text);
    }

    private static final class Chat implements Shape {
        @Override
        public String retrieveResult(JsonNode body) {
            JsonNode last = last(body.path("messages"));
            return CALL_ID.equals(last.path("tool_call_id").asText()) ? last.path("content").asText() : null;
        }

        @Override
        public String call(String hash) {
            return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + CALL_ID
                    + "\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":"
                    + quote("{\"hash\":\"" + hash + "\"}") + "}}]},\"finish_reason\":\"tool_calls\"}]}";
        }

        @Override
        public String text(String text) {
            return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(text) + "},\"finish_reason\":\"stop\"}]}";
        }

        @Override
        public List<String> streamedCall(String hash) {
            String arguments = "{\"hash\":\"" + hash + "\"}";
            return List.of(
                    chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + CALL_ID
                            + "\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]}",
                            null),
                    chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(arguments) + "}}]}", null),
                    chunk("{}", "tool_calls"), "data: [DONE]\n\n");
        }

        @Override
        public List<String> streamedText(String text) {
            int half = text.length() / 2;
            return List.of(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                    chunk("{\"content\":" + quote(text.substring(0, half)) + "}", null),
                    chunk("{\"content\":" + quote(text.substring(half)) + "}", null),
                    chunk("{}", "stop"), "data: [DONE]\n\n");
        }

        private static String chunk(String delta, String finish) {
            return "data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                    + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                    + (finish == null ? "null" : quote(finish)) + "}]}\n\n";
        }
    }

    private static final class Responses implements Shape {
        private final List<String> events = new ArrayList<>();

        @Override
        public String retrieveResult(JsonNode body) {
            JsonNode last = last(body.path("input"));
            return "function_call_output".equals(last.path("type").asText())
                    && CALL_ID.equals(last.path("call_id").asText()) ? last.path("output").asText() : null;
        }

        @Override
        public String call(String hash) {
            return response("resp_call", "completed", callItem(hash, "completed"));
        }

        @Override
        public String text(String text) {
            return response("resp_final", "completed", message(text));
        }

        @Override
        public List<String> streamedCall(String hash) {
            String arguments = quote("{\"hash\":\"" + hash + "\"}");
            String done = callItem(hash, "completed");
            open("resp_call");
            add("response.output_item.added", "\"output_index\":0,\"item\":" + done.replace(arguments, "\"\"")
                    .replace("\"completed\"", "\"in_progress\""));
            add("response.function_call_arguments.delta", "\"item_id\":\"fc_hr\",\"output_index\":0,\"delta\":" + arguments);
            add("response.function_call_arguments.done", "\"item_id\":\"fc_hr\",\"output_index\":0,\"arguments\":" + arguments);
            add("response.output_item.done", "\"output_index\":0,\"item\":" + done);
            add("response.completed", "\"response\":" + response("resp_call", "completed", done));
            return events;
        }

        @Override
        public List<String> streamedText(String text) {
            String part = "{\"type\":\"output_text\",\"text\":%s,\"annotations\":[]}";
            String at = "\"item_id\":\"msg_final\",\"output_index\":0,\"content_index\":0,";
            String done = message(text);
            open("resp_final");
            add("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_final\","
                    + "\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}");
            add("response.content_part.added", at + "\"part\":" + part.formatted("\"\""));
            add("response.output_text.delta", at + "\"delta\":" + quote(text) + ",\"logprobs\":[]");
            add("response.output_text.done", at + "\"text\":" + quote(text) + ",\"logprobs\":[]");
            add("response.content_part.done", at + "\"part\":" + part.formatted(quote(text)));
            add("response.output_item.done", "\"output_index\":0,\"item\":" + done);
            add("response.completed", "\"response\":" + response("resp_final", "completed", done));
            return events;
        }

        private static String callItem(String hash, String status) {
            return "{\"type\":\"function_call\",\"id\":\"fc_hr\",\"call_id\":\"" + CALL_ID + "\",\"name\":"
                    + "\"headroom_retrieve\",\"arguments\":" + quote("{\"hash\":\"" + hash + "\"}") + ",\"status\":\""
                    + status + "\"}";
        }

        private static String message(String text) {
            return "{\"type\":\"message\",\"id\":\"msg_final\",\"status\":\"completed\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"output_text\",\"text\":" + quote(text) + ",\"annotations\":[]}]}";
        }

        private void open(String id) {
            add("response.created", "\"response\":" + response(id, "in_progress", ""));
            add("response.in_progress", "\"response\":" + response(id, "in_progress", ""));
        }

        private void add(String type, String fields) {
            events.add(event(type, "{\"type\":\"" + type + "\",\"sequence_number\":" + events.size() + "," + fields + "}"));
        }

        private static String response(String id, String status, String output) {
            return "{\"id\":\"" + id + "\",\"object\":\"response\",\"created_at\":1700000000,\"status\":\"" + status
                    + "\",\"model\":\"gpt-4o\",\"output\":[" + output + "],\"parallel_tool_calls\":true,"
                    + "\"tool_choice\":\"auto\",\"tools\":[],\"error\":null,\"incomplete_details\":null,\"usage\":"
                    + ("completed".equals(status) ? "{\"input_tokens\":10,\"output_tokens\":5,\"total_tokens\":15}" : "null")
                    + "}";
        }
    }

    private static final class Anthropic implements Shape {
        @Override
        public String retrieveResult(JsonNode body) {
            JsonNode block = last(body.path("messages")).path("content").path(0);
            return "tool_result".equals(block.path("type").asText()) && CALL_ID.equals(block.path("tool_use_id").asText())
                    ? block.path("content").asText() : null;
        }

        @Override
        public String call(String hash) {
            return "{\"id\":\"msg_call\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                    + "\"content\":[{\"type\":\"tool_use\",\"id\":\"" + CALL_ID + "\",\"name\":\"headroom_retrieve\","
                    + "\"input\":{\"hash\":\"" + hash + "\"}}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":10,"
                    + "\"output_tokens\":5}}";
        }

        @Override
        public String text(String text) {
            return "{\"id\":\"msg_final\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                    + "\"content\":[{\"type\":\"text\",\"text\":" + quote(text) + "}],\"stop_reason\":\"end_turn\","
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
        }

        @Override
        public List<String> streamedCall(String hash) {
            return List.of(start("msg_call"), textBlock(0, "Let me fetch that."),
                    event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                            + "{\"type\":\"tool_use\",\"id\":\"" + CALL_ID + "\",\"name\":\"headroom_retrieve\",\"input\":{}}}"),
                    event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                            + "{\"type\":\"input_json_delta\",\"partial_json\":" + quote("{\"hash\": \"" + hash + "\"}") + "}}"),
                    event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                    end("tool_use"));
        }

        @Override
        public List<String> streamedText(String text) {
            return List.of(start("msg_final"), textBlock(0, text), end("end_turn"));
        }

        private static String start(String id) {
            return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"" + id + "\",\"type\":"
                    + "\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\","
                    + "\"stop_reason\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}");
        }

        private static String textBlock(int index, String text) {
            return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                    + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                    + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                    + ",\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(text) + "}}")
                    + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
        }

        private static String end(String stopReason) {
            return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                    + "\"},\"usage\":{\"output_tokens\":12}}") + event("message_stop", "{\"type\":\"message_stop\"}");
        }
    }

    private static JsonNode last(JsonNode array) {
        return array.path(array.size() - 1);
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String quote(String s) {
        return TextNode.valueOf(s).toString();
    }
}
