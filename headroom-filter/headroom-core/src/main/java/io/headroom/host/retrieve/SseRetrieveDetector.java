package io.headroom.host.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches one streamed answer event by event. It says from which event on the answer is a
 * {@code headroom_retrieve} call (those events must be held back from the client), and it rebuilds
 * the answer as the equivalent non-streaming response so {@link RetrieveCallHandler} can treat both
 * alike.
 *
 * <ul>
 *   <li>OpenAI chat: chunks whose {@code choices[0].delta} carry content and {@code tool_calls}
 *       fragments (id and name first, then argument pieces), by tool-call index; holding starts at the
 *       delta that names {@code headroom_retrieve}.</li>
 *   <li>Anthropic: {@code message_start}, {@code content_block_start/delta/stop} (text_delta,
 *       input_json_delta, thinking_delta, signature_delta), {@code message_delta}; holding starts at
 *       the {@code content_block_start} of a {@code tool_use} named {@code headroom_retrieve}.</li>
 *   <li>Responses: {@code response.output_item.added/done} and {@code response.completed} (whose
 *       response is the answer); holding starts at the {@code output_item.added} of that
 *       {@code function_call}.</li>
 * </ul>
 * Not thread-safe: one per stream.
 */
public final class SseRetrieveDetector {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Endpoint endpoint;
    private final ObjectMapper mapper;
    private boolean holding;

    // OpenAI chat
    private final StringBuilder chatText = new StringBuilder();
    private boolean chatHasText;
    private final Map<Integer, ObjectNode> chatCalls = new TreeMap<>();
    private final Map<Integer, StringBuilder> chatArgs = new TreeMap<>();
    private String finishReason;
    private String chatId;

    // Anthropic
    private ObjectNode message;
    private final Map<Integer, ObjectNode> blocks = new TreeMap<>();
    private final Map<Integer, StringBuilder> blockText = new TreeMap<>();
    private String stopReason;

    // Responses
    private JsonNode completed;
    private final Map<Integer, JsonNode> doneItems = new TreeMap<>();

    public SseRetrieveDetector(Endpoint endpoint, ObjectMapper mapper) {
        this.endpoint = endpoint;
        this.mapper = mapper;
    }

    /**
     * Takes the next event of the stream.
     *
     * @return true when the event may go to the client, false when it must be held back (from the start
     *         of a headroom_retrieve call to the end of the stream)
     */
    public boolean accept(SseEvent event) {
        JsonNode data = parse(event.data());
        if (data != null) {
            switch (endpoint) {
                case OPENAI_CHAT -> chat(data);
                case ANTHROPIC_MESSAGES -> anthropic(event.event() != null ? event.event() : data.path("type").asText(""), data);
                case OPENAI_RESPONSES -> responses(event.event() != null ? event.event() : data.path("type").asText(""), data);
            }
        }
        return !holding;
    }

    /** True once a headroom_retrieve call has started. */
    public boolean holding() {
        return holding;
    }

    /** The answer so far, shaped like the non-streaming response of the endpoint. */
    public ObjectNode response() {
        return switch (endpoint) {
            case OPENAI_CHAT -> chatResponse();
            case ANTHROPIC_MESSAGES -> anthropicResponse();
            case OPENAI_RESPONSES -> responsesResponse();
        };
    }

    private JsonNode parse(String data) {
        if (data == null || data.isEmpty() || data.equals("[DONE]")) {
            return null;
        }
        try {
            JsonNode n = mapper.readTree(data);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null; // not JSON: nothing to learn from it, it is relayed as it is
        }
    }

    private void chat(JsonNode chunk) {
        if (chatId == null && chunk.path("id").isTextual()) {
            chatId = chunk.path("id").asText();
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.isMissingNode() || choice.path("index").asInt(0) != 0) {
            return;
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.path("finish_reason").asText();
        }
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual()) {
            chatText.append(delta.path("content").asText());
            chatHasText |= !delta.path("content").asText().isEmpty();
        }
        for (JsonNode fragment : delta.path("tool_calls")) {
            int index = fragment.path("index").asInt(chatCalls.size());
            ObjectNode call = chatCalls.computeIfAbsent(index, i -> {
                ObjectNode c = JSON.objectNode();
                c.put("id", "");
                c.put("type", "function");
                c.putObject("function").put("name", "");
                return c;
            });
            if (fragment.path("id").isTextual()) {
                call.put("id", fragment.path("id").asText());
            }
            JsonNode fn = fragment.path("function");
            if (fn.path("name").isTextual()) {
                String name = ((ObjectNode) call.get("function")).path("name").asText() + fn.path("name").asText();
                ((ObjectNode) call.get("function")).put("name", name);
                holding |= RetrieveTool.NAME.equals(name);
            }
            if (fn.path("arguments").isTextual()) {
                chatArgs.computeIfAbsent(index, i -> new StringBuilder()).append(fn.path("arguments").asText());
            }
        }
    }

    private ObjectNode chatResponse() {
        ObjectNode r = JSON.objectNode();
        if (chatId != null) {
            r.put("id", chatId);
        }
        r.put("object", "chat.completion");
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode msg = choice.putObject("message");
        msg.put("role", "assistant");
        if (chatHasText) {
            msg.put("content", chatText.toString());
        } else {
            msg.putNull("content");
        }
        if (!chatCalls.isEmpty()) {
            ArrayNode calls = msg.putArray("tool_calls");
            chatCalls.forEach((index, call) -> {
                ObjectNode c = call.deepCopy();
                StringBuilder args = chatArgs.get(index);
                ((ObjectNode) c.get("function")).put("arguments", args == null ? "" : args.toString());
                calls.add(c);
            });
        }
        if (finishReason != null) {
            choice.put("finish_reason", finishReason);
        } else {
            choice.put("finish_reason", "length"); // the stream ended without saying why: treat it as cut off
        }
        return r;
    }

    private void anthropic(String type, JsonNode data) {
        switch (type) {
            case "message_start" -> {
                if (data.path("message").isObject()) {
                    message = (ObjectNode) data.get("message").deepCopy();
                }
            }
            case "content_block_start" -> {
                int index = data.path("index").asInt(blocks.size());
                JsonNode start = data.path("content_block");
                ObjectNode block = start.isObject() ? (ObjectNode) start.deepCopy() : JSON.objectNode();
                blocks.put(index, block);
                if ("tool_use".equals(block.path("type").asText())) {
                    holding |= RetrieveTool.NAME.equals(block.path("name").asText());
                }
            }
            case "content_block_delta" -> {
                int index = data.path("index").asInt(-1);
                ObjectNode block = blocks.get(index);
                JsonNode delta = data.path("delta");
                if (block == null) {
                    return;
                }
                switch (delta.path("type").asText("")) {
                    case "text_delta" -> append(block, "text", delta.path("text").asText(""));
                    case "thinking_delta" -> append(block, "thinking", delta.path("thinking").asText(""));
                    case "signature_delta" -> block.put("signature", delta.path("signature").asText(""));
                    case "input_json_delta" -> blockText.computeIfAbsent(index, i -> new StringBuilder())
                            .append(delta.path("partial_json").asText(""));
                    case "citations_delta" -> {
                        if (delta.has("citation")) {
                            block.withArray("citations").add(delta.get("citation").deepCopy());
                        }
                    }
                    default -> { }
                }
            }
            case "content_block_stop" -> {
                int index = data.path("index").asInt(-1);
                ObjectNode block = blocks.get(index);
                StringBuilder json = blockText.remove(index);
                if (block != null && json != null) {
                    block.set("input", parseInput(json.toString()));
                }
            }
            case "message_delta" -> {
                if (data.path("delta").path("stop_reason").isTextual()) {
                    stopReason = data.path("delta").path("stop_reason").asText();
                }
            }
            default -> { }
        }
    }

    private static void append(ObjectNode block, String field, String piece) {
        block.put(field, block.path(field).asText("") + piece);
    }

    private JsonNode parseInput(String json) {
        if (json.isBlank()) {
            return JSON.objectNode();
        }
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return JSON.textNode(json); // truncated arguments: RetrieveCalls then finds no hash
        }
    }

    private ObjectNode anthropicResponse() {
        ObjectNode r = message != null ? message.deepCopy() : JSON.objectNode();
        r.put("type", "message");
        r.put("role", "assistant");
        ArrayNode content = r.putArray("content");
        blocks.values().forEach(b -> content.add(b.deepCopy()));
        // a stream that ended before message_delta was cut off
        r.put("stop_reason", stopReason == null ? "max_tokens" : stopReason);
        return r;
    }

    private void responses(String type, JsonNode data) {
        switch (type) {
            case "response.output_item.added" -> {
                JsonNode item = data.path("item");
                if ("function_call".equals(item.path("type").asText())
                        && RetrieveTool.NAME.equals(item.path("name").asText())) {
                    holding = true;
                }
            }
            case "response.output_item.done" -> doneItems.put(data.path("output_index").asInt(doneItems.size()),
                    data.path("item").deepCopy());
            case "response.completed", "response.incomplete", "response.failed" -> completed = data.path("response");
            default -> { }
        }
    }

    private ObjectNode responsesResponse() {
        if (completed != null && completed.isObject()) {
            return (ObjectNode) completed.deepCopy();
        }
        ObjectNode r = JSON.objectNode();
        r.put("object", "response");
        r.put("status", "incomplete"); // no response.completed: the stream broke off
        ArrayNode output = r.putArray("output");
        List<JsonNode> items = new ArrayList<>(doneItems.values());
        items.forEach(output::add);
        return r;
    }
}
