package io.headroom.host.retrieve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the stream of a follow-up request onto what the client has already received, so the client reads one
 * well-formed stream of its provider's protocol (what the official SDKs' stream helpers check). It learns from
 * every event that went out ({@link #sent}) and rewrites the follow-up's events ({@link #rewrite}):
 *
 * <ul>
 *   <li>OpenAI chat: exactly one {@code delta.role}, on the first chunk the client receives: a follow-up's role
 *       is dropped when the client has one (a role-only chunk entirely), and added to the first chunk when the
 *       client has none yet (the first answer's opening chunk carried the held tool call). Chunk {@code id}s are
 *       those of the first chunk sent.</li>
 *   <li>Anthropic: {@code message_start} is dropped; {@code content_block_*} indices are shifted past the
 *       blocks the client already has.</li>
 *   <li>Responses: {@code response.created}, {@code response.queued} and {@code response.in_progress} are
 *       dropped; {@code output_index} is shifted past the items already sent; {@code sequence_number}s continue
 *       the client's numbering without gaps; the terminal event's response carries the id of the client's
 *       {@code response.created} and, first in its output, the items the client already received.</li>
 * </ul>
 * It also writes the provider's own error event for a stream that cannot be finished ({@link #failure}).
 * Not thread-safe: one per client stream.
 */
public final class SseStitcher {
    private final Endpoint endpoint;
    private final ObjectMapper mapper;
    private int blocksSent;
    private int itemsSent;
    private int blockOffset;
    private int itemOffset;
    private boolean followUp;

    // OpenAI chat
    private boolean roleSent;
    private String chatId;

    // Responses
    private ObjectNode createdResponse;
    private int lastSequence = -1;
    private final Map<Integer, JsonNode> itemsDone = new TreeMap<>();

    public SseStitcher(Endpoint endpoint, ObjectMapper mapper) {
        this.endpoint = endpoint;
        this.mapper = mapper;
    }

    /** Records one event that went to the client (after {@link #rewrite} in follow-up rounds). */
    public void sent(SseEvent event) {
        if (endpoint == Endpoint.OPENAI_CHAT && roleSent && chatId != null
                || endpoint == Endpoint.ANTHROPIC_MESSAGES && event.event() != null
                && !event.event().equals("content_block_start")) {
            return; // nothing left to learn: spare the parse
        }
        ObjectNode data = json(event);
        if (data == null) {
            return;
        }
        switch (endpoint) {
            case OPENAI_CHAT -> {
                if (chatId == null && data.path("id").isTextual()) {
                    chatId = data.path("id").asText();
                }
                JsonNode delta = data.path("choices").path(0).path("delta");
                roleSent |= delta.path("role").isTextual();
            }
            case ANTHROPIC_MESSAGES -> {
                if ("content_block_start".equals(type(event, data))) {
                    blocksSent++;
                }
            }
            case OPENAI_RESPONSES -> {
                String type = type(event, data);
                if (data.path("sequence_number").isInt()) {
                    lastSequence = Math.max(lastSequence, data.path("sequence_number").asInt());
                }
                if ("response.created".equals(type) && data.path("response").isObject() && createdResponse == null) {
                    createdResponse = (ObjectNode) data.get("response").deepCopy();
                } else if ("response.output_item.added".equals(type)) {
                    itemsSent++;
                } else if ("response.output_item.done".equals(type) && data.path("output_index").isInt()) {
                    itemsDone.put(data.path("output_index").asInt(), data.path("item").deepCopy());
                }
            }
        }
    }

    /** Starts relaying a follow-up stream: its numbering continues after what was sent so far. */
    public void startFollowUp() {
        followUp = true;
        blockOffset = blocksSent;
        itemOffset = itemsSent;
    }

    /** A follow-up event as the client is to see it, or null when it is to be dropped. */
    public SseEvent rewrite(SseEvent event) {
        if (!followUp || event.data() == null || event.data().equals("[DONE]")) {
            return event;
        }
        ObjectNode data = json(event);
        if (data == null) {
            return event;
        }
        return switch (endpoint) {
            case OPENAI_CHAT -> chat(event, data);
            case ANTHROPIC_MESSAGES -> anthropic(event, data);
            case OPENAI_RESPONSES -> responses(event, data);
        };
    }

    /**
     * The provider's error event that ends a stream which cannot be finished: an OpenAI chat {@code error} chunk
     * (the stream then ends without {@code [DONE]}), a Responses {@code response.failed} for the client's
     * response, an Anthropic {@code event: error}.
     *
     * @param message a content-free description the client reads
     */
    public SseEvent failure(String message) {
        ObjectNode data = mapper.createObjectNode();
        switch (endpoint) {
            case OPENAI_CHAT -> {
                ObjectNode error = data.putObject("error");
                error.put("message", message);
                error.put("type", "server_error");
                error.putNull("param");
                error.putNull("code");
                return SseEvent.of(null, write(data));
            }
            case ANTHROPIC_MESSAGES -> {
                data.put("type", "error");
                ObjectNode error = data.putObject("error");
                error.put("type", "api_error");
                error.put("message", message);
                return SseEvent.of("error", write(data));
            }
            default -> {
                data.put("type", "response.failed");
                data.put("sequence_number", ++lastSequence);
                ObjectNode response = createdResponse != null ? createdResponse.deepCopy() : mapper.createObjectNode();
                response.put("object", "response");
                response.put("status", "failed");
                ObjectNode error = response.putObject("error");
                error.put("code", "server_error");
                error.put("message", message);
                ArrayNode output = response.putArray("output");
                itemsDone.values().forEach(i -> output.add(i.deepCopy()));
                data.set("response", response);
                return SseEvent.of("response.failed", write(data));
            }
        }
    }

    private SseEvent chat(SseEvent event, ObjectNode data) {
        boolean changed = false;
        if (chatId != null && data.path("id").isTextual() && !chatId.equals(data.path("id").asText())) {
            data.put("id", chatId);
            changed = true;
        }
        JsonNode choices = data.path("choices");
        if (choices.size() == 1 && choices.get(0).path("delta") instanceof ObjectNode delta) {
            if (roleSent && delta.has("role")) {
                if (isRoleOnly(choices.get(0), delta)) {
                    return null;
                }
                delta.remove("role");
                changed = true;
            } else if (!roleSent && !delta.has("role")) {
                // the client's first chunk was held back with the call: this one opens the message
                ObjectNode withRole = mapper.createObjectNode().put("role", "assistant");
                withRole.setAll(delta);
                ((ObjectNode) choices.get(0)).set("delta", withRole);
                changed = true;
            }
        }
        return changed ? write(event, data) : event;
    }

    private static boolean isRoleOnly(JsonNode choice, ObjectNode delta) {
        if (choice.path("finish_reason").isTextual() || choice.path("logprobs").isObject()) {
            return false;
        }
        var fields = delta.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            boolean empty = f.getValue().isNull() || (f.getValue().isTextual() && f.getValue().asText().isEmpty());
            if (!f.getKey().equals("role") && !empty) {
                return false;
            }
        }
        return true;
    }

    private SseEvent anthropic(SseEvent event, ObjectNode data) {
        String type = type(event, data);
        if (type.equals("message_start")) {
            return null;
        }
        if (type.startsWith("content_block_") && data.path("index").isInt() && blockOffset > 0) {
            data.put("index", data.path("index").asInt() + blockOffset);
            return write(event, data);
        }
        return event;
    }

    private SseEvent responses(SseEvent event, ObjectNode data) {
        String type = type(event, data);
        if (type.equals("response.created") || type.equals("response.in_progress") || type.equals("response.queued")) {
            return null;
        }
        if (data.path("output_index").isInt() && itemOffset > 0) {
            data.put("output_index", data.path("output_index").asInt() + itemOffset);
        }
        if (data.has("sequence_number")) {
            data.put("sequence_number", lastSequence + 1); // counted in sent()
        }
        if (data.path("response") instanceof ObjectNode response) {
            // the terminal event describes the client's one response: its id, and every item it received
            if (createdResponse != null && createdResponse.path("id").isTextual()) {
                response.put("id", createdResponse.path("id").asText());
            }
            ArrayNode output = mapper.createArrayNode();
            itemsDone.forEach((index, item) -> {
                if (index < itemOffset) {
                    output.add(item.deepCopy());
                }
            });
            if (response.path("output").isArray()) {
                response.get("output").forEach(output::add);
            }
            response.set("output", output);
        }
        return write(event, data);
    }

    private ObjectNode json(SseEvent event) {
        if (event.data() == null || event.data().isEmpty() || event.data().equals("[DONE]")) {
            return null;
        }
        try {
            return mapper.readTree(event.data()) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String type(SseEvent event, JsonNode data) {
        return event.event() != null ? event.event() : data.path("type").asText("");
    }

    private SseEvent write(SseEvent original, ObjectNode data) {
        return SseEvent.of(original.event(), write(data));
    }

    private String write(ObjectNode data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an event", e);
        }
    }
}
