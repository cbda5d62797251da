package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.util.Set;

/**
 * Anthropic Messages: {@code tool_use} blocks in an assistant message pair with {@code tool_result}
 * blocks (by {@code tool_use_id}) in the next user message; {@code system} is a root field and never
 * touched. The API wants user/assistant alternation starting with a user message, so units start at
 * user messages only, and the note cannot be a message of its own: it becomes a leading text block
 * of the first kept user message after the dropped block (after any tool_result blocks, which the
 * API requires first). That message's existing blocks stay byte-identical; string content becomes a
 * text block of the same text.
 */
final class AnthropicShape implements MessageShape {

    @Override
    public Endpoint endpoint() {
        return Endpoint.ANTHROPIC_MESSAGES;
    }

    @Override
    public String listField() {
        return "messages";
    }

    @Override
    public boolean isSystem(JsonNode m) {
        return false;
    }

    @Override
    public boolean startsTurn(JsonNode m) {
        if (!"user".equals(MessageShape.text(m, "role"))) return false;
        JsonNode content = m.get("content");
        if (content == null || !content.isArray()) return true;
        for (JsonNode block : content) {
            if (!"tool_result".equals(MessageShape.text(block, "type"))) return true;
        }
        return false; // only tool results: the continuation of an assistant's tool use, not a new question
    }

    @Override
    public boolean exchangesOnly() {
        return true;
    }

    @Override
    public boolean bindsToNext(JsonNode m) {
        return false;
    }

    @Override
    public boolean bindsToPrevious(JsonNode m) {
        return false;
    }

    @Override
    public void callIds(JsonNode m, Set<String> into) {
        for (JsonNode block : m.path("content")) {
            String type = MessageShape.text(block, "type");
            String id = "tool_result".equals(type) ? MessageShape.text(block, "tool_use_id")
                    : type != null && type.endsWith("tool_use") ? MessageShape.text(block, "id") : null;
            if (id != null) into.add(id);
        }
    }

    @Override
    public void insertNote(ArrayNode messages, int at, String note) {
        for (int i = at; i < messages.size(); i++) {
            if (messages.get(i) instanceof ObjectNode m && "user".equals(MessageShape.text(m, "role"))) {
                prepend(m, note);
                return;
            }
        }
        // no user message after the gap (cannot happen while the last turn is protected): start a user message
        ObjectNode msg = messages.objectNode();
        msg.put("role", "user");
        msg.put("content", note);
        messages.insert(at, msg);
    }

    private static void prepend(ObjectNode message, String note) {
        JsonNode content = message.get("content");
        ArrayNode blocks = message.arrayNode();
        if (content != null && content.isArray()) {
            blocks = (ArrayNode) content;
        } else if (content != null && content.isTextual()) {
            blocks.addObject().put("type", "text").put("text", content.textValue());
            message.set("content", blocks);
        } else {
            message.set("content", blocks);
        }
        int at = 0;
        while (at < blocks.size() && "tool_result".equals(MessageShape.text(blocks.get(at), "type"))) at++;
        ObjectNode text = blocks.objectNode();
        text.put("type", "text");
        text.put("text", note);
        blocks.insert(at, text);
    }
}
