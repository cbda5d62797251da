package io.headroom.tck.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the provider behind the servlet filter for the three streamed shapes the official SDKs' helpers read —
 * OpenAI chat (gpt-4o's shape: role and tool call in the first chunk), OpenAI Responses and Anthropic messages.
 * A request whose tool output was compressed (it holds a {@code hash=} marker) is answered with a
 * {@code headroom_retrieve} call for that hash (Anthropic: after a text block, as Claude does); the follow-up, which
 * answers that call, with {@link #answer()} only when the tool result is the original byte-identical, else with
 * {@link #MISSING}. Every request body is kept for the test. The servlet equivalent of the gateway's RetrievalStub.
 */
public final class ProviderModelServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String MISSING = "the tool result was not the original";
    static final String PREAMBLE = "Let me fetch that.";
    private static final String CALL_ID = "call_hr";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{8,})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient String original;
    private final transient String needle;
    private final transient List<JsonNode> received = new CopyOnWriteArrayList<>();

    public ProviderModelServlet(String original, String needle) {
        this.original = original;
        this.needle = needle;
    }

    public String answer() {
        return "The full list includes " + needle + ".";
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body = JSON.readTree(request.getInputStream());
        received.add(body);
        String path = request.getRequestURI();
        Shape shape = path.endsWith("/messages") ? new Anthropic() : path.endsWith("/responses") ? new Responses()
                : new Chat();
        String toolResult = shape.retrieveResult(body);
        Matcher hash = HASH.matcher(body.toString());
        List<String> events;
        if (toolResult == null && hash.find()) {
            events = shape.call(hash.group(1));
        } else {
            events = shape.text(original.equals(toolResult) ? answer() : MISSING);
        }
        response.setContentType("text/event-stream");
        OutputStream out = response.getOutputStream();
        for (String event : events) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        }
    }

    /** One provider's request and stream shapes. */
    private interface Shape {
        /** The tool result answering our headroom_retrieve call when the request's last item is one, else null. */
        String retrieveResult(JsonNode body);

        List<String> call(String hash);

        List<String> text(String text);
    }

    private static final class Chat implements Shape {
        @Override
        public String retrieveResult(JsonNode body) {
            JsonNode last = last(body.path("messages"));
            return CALL_ID.equals(last.path("tool_call_id").asText()) ? last.path("content").asText() : null;
        }

        @Override
        public List<String> call(String hash) {
            String arguments = "{\"hash\":\"" + hash + "\"}";
            return List.of(
                    chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + CALL_ID
                            + "\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]}",
                            null),
                    chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(arguments) + "}}]}", null),
                    chunk("{}", "tool_calls"), "data: [DONE]\n\n");
        }

        @Override
        public List<String> text(String text) {
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
            return "function_call_output".equals(last.path("type").asText()) && CALL_ID.equals(last.path("call_id").asText())
                    ? last.path("output").asText() : null;
        }

        @Override
        public List<String> call(String hash) {
            String arguments = quote("{\"hash\":\"" + hash + "\"}");
            String item = "{\"type\":\"function_call\",\"id\":\"fc_hr\",\"call_id\":\"" + CALL_ID + "\","
                    + "\"name\":\"headroom_retrieve\",\"arguments\":%s,\"status\":\"%s\"}";
            String done = item.formatted(arguments, "completed");
            open("resp_call");
            add("response.output_item.added", "\"output_index\":0,\"item\":" + item.formatted("\"\"", "in_progress"));
            add("response.function_call_arguments.delta", "\"item_id\":\"fc_hr\",\"output_index\":0,\"delta\":" + arguments);
            add("response.function_call_arguments.done", "\"item_id\":\"fc_hr\",\"output_index\":0,\"arguments\":" + arguments);
            add("response.output_item.done", "\"output_index\":0,\"item\":" + done);
            add("response.completed", "\"response\":" + response("resp_call", "completed", done));
            return events;
        }

        @Override
        public List<String> text(String text) {
            String part = "{\"type\":\"output_text\",\"text\":%s,\"annotations\":[]}";
            String at = "\"item_id\":\"msg_final\",\"output_index\":0,\"content_index\":0,";
            String done = "{\"type\":\"message\",\"id\":\"msg_final\",\"status\":\"completed\",\"role\":\"assistant\","
                    + "\"content\":[" + part.formatted(quote(text)) + "]}";
            open("resp_final");
            add("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_final\","
                    + "\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}");
            add("response.content_part.added", at + "\"part\":" + part.formatted("\"\""));
            int half = text.length() / 2;
            add("response.output_text.delta", at + "\"delta\":" + quote(text.substring(0, half)) + ",\"logprobs\":[]");
            add("response.output_text.delta", at + "\"delta\":" + quote(text.substring(half)) + ",\"logprobs\":[]");
            add("response.output_text.done", at + "\"text\":" + quote(text) + ",\"logprobs\":[]");
            add("response.content_part.done", at + "\"part\":" + part.formatted(quote(text)));
            add("response.output_item.done", "\"output_index\":0,\"item\":" + done);
            add("response.completed", "\"response\":" + response("resp_final", "completed", done));
            return events;
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
        public List<String> call(String hash) {
            return List.of(start("msg_call"), textBlock(0, PREAMBLE),
                    event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                            + "{\"type\":\"tool_use\",\"id\":\"" + CALL_ID + "\",\"name\":\"headroom_retrieve\",\"input\":{}}}"),
                    event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                            + "{\"type\":\"input_json_delta\",\"partial_json\":" + quote("{\"hash\": \"" + hash + "\"}") + "}}"),
                    event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                    end("tool_use"));
        }

        @Override
        public List<String> text(String text) {
            return List.of(start("msg_final"), event("ping", "{\"type\":\"ping\"}"), textBlock(0, text), end("end_turn"));
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
