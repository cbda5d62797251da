package io.headroom.host.retrieve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.io.IOException;

/**
 * Joins the stream of a follow-up request onto what the client has already received, so the client
 * reads one coherent answer. It counts what went out, and rewrites the follow-up's events:
 *
 * <ul>
 *   <li>OpenAI chat: the follow-up's opening chunk that only announces {@code role: assistant} is
 *       dropped; everything else passes unchanged (chunk ids differ per upstream call).</li>
 *   <li>Anthropic: {@code message_start} is dropped; {@code content_block_*} indices are shifted past
 *       the blocks the client already has.</li>
 *   <li>Responses: {@code response.created} and {@code response.in_progress} are dropped;
 *       {@code output_index} is shifted past the items already sent and {@code sequence_number} past
 *       the events already sent.</li>
 * </ul>
 * Not thread-safe: one per client stream.
 */
public final class SseStitcher {
    private final Endpoint endpoint;
    private final ObjectMapper mapper;
    private int blocksSent;
    private int itemsSent;
    private int eventsSent;
    private int blockOffset;
    private int itemOffset;
    private int sequenceOffset;

    public SseStitcher(Endpoint endpoint, ObjectMapper mapper) {
        this.endpoint = endpoint;
        this.mapper = mapper;
    }

    /** Records one event that went to the client (after {@link #rewrite}). */
    public void sent(SseEvent event) {
        eventsSent++;
        if (event.data() == null) {
            return;
        }
        if (endpoint == Endpoint.ANTHROPIC_MESSAGES && "content_block_start".equals(typeOf(event))) {
            blocksSent++;
        } else if (endpoint == Endpoint.OPENAI_RESPONSES && "response.output_item.added".equals(typeOf(event))) {
            itemsSent++;
        }
    }

    /** Starts relaying a follow-up stream: its numbering continues after what was sent so far. */
    public void startFollowUp() {
        blockOffset = blocksSent;
        itemOffset = itemsSent;
        sequenceOffset = eventsSent;
    }

    /**
     * A follow-up event as the client is to see it, or null when it is to be dropped.
     */
    public SseEvent rewrite(SseEvent event) {
        if (event.data() == null || event.data().equals("[DONE]")) {
            return event;
        }
        JsonNode data;
        try {
            data = mapper.readTree(event.data());
        } catch (IOException e) {
            return event;
        }
        if (!(data instanceof ObjectNode json)) {
            return event;
        }
        return switch (endpoint) {
            case OPENAI_CHAT -> isRoleOnly(json) ? null : event;
            case ANTHROPIC_MESSAGES -> anthropic(event, json);
            case OPENAI_RESPONSES -> responses(event, json);
        };
    }

    private static boolean isRoleOnly(ObjectNode chunk) {
        JsonNode choices = chunk.path("choices");
        if (choices.size() != 1) {
            return false;
        }
        JsonNode choice = choices.get(0);
        JsonNode delta = choice.path("delta");
        if (!delta.has("role") || !choice.path("finish_reason").isNull() && choice.has("finish_reason")) {
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
        String type = event.event() != null ? event.event() : data.path("type").asText("");
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
        String type = event.event() != null ? event.event() : data.path("type").asText("");
        if (type.equals("response.created") || type.equals("response.in_progress")) {
            return null;
        }
        boolean changed = false;
        if (data.path("output_index").isInt() && itemOffset > 0) {
            data.put("output_index", data.path("output_index").asInt() + itemOffset);
            changed = true;
        }
        if (data.path("sequence_number").isInt() && sequenceOffset > 0) {
            data.put("sequence_number", data.path("sequence_number").asInt() + sequenceOffset);
            changed = true;
        }
        return changed ? write(event, data) : event;
    }

    private SseEvent write(SseEvent original, ObjectNode data) {
        try {
            return SseEvent.of(original.event(), mapper.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            return original;
        }
    }

    private String typeOf(SseEvent event) {
        if (event.event() != null) {
            return event.event();
        }
        try {
            return mapper.readTree(event.data()).path("type").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
