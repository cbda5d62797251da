package io.headroom.internal.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;

/**
 * The new user message of a request: its last message, when that is a user message with text (a request
 * ending in a tool result, such as a retrieve-loop follow-up, has none). {@link #append} adds a text part after
 * the user's own parts, the original's place for context it adds ("the latest non-frozen user turn"); unlike
 * the original, which concatenates onto the user's text, the user's text value stays byte-identical (a
 * string content becomes a one-part array holding the very same string, followed by the added part).
 */
final class LatestUserTurn {
    /** The message, or null for a Responses request whose {@code input} is one string. */
    private final ObjectNode message;
    /** The request root, used only when {@code message} is null. */
    private final ObjectNode root;
    private final String textType;
    private final String text;

    private LatestUserTurn(ObjectNode message, ObjectNode root, String textType, String text) {
        this.message = message;
        this.root = root;
        this.textType = textType;
        this.text = text;
    }

    /** The request's new user message, or null when its last message is not one. */
    static LatestUserTurn of(Endpoint endpoint, ObjectNode root) {
        if (endpoint == Endpoint.OPENAI_RESPONSES) {
            JsonNode input = root.get("input");
            if (input != null && input.isTextual()) {
                return input.textValue().isBlank() ? null : new LatestUserTurn(null, root, "input_text", input.textValue());
            }
            return last(input, "input_text");
        }
        return last(root.get("messages"), "text");
    }

    String text() {
        return text;
    }

    /** Adds {@code addition} as a text part of this message, after the parts it has. */
    void append(String addition) {
        ObjectNode message = this.message;
        if (message == null) {
            // a one-string input is one user message: its list form lets a part follow it
            String own = root.get("input").textValue();
            message = root.putArray("input").addObject().put("role", "user");
            message.put("content", own);
        }
        JsonNode content = message.get("content");
        ArrayNode parts;
        if (content.isTextual()) {
            String own = content.textValue();
            parts = message.putArray("content");
            parts.addObject().put("type", textType).put("text", own);
        } else {
            parts = (ArrayNode) content;
        }
        parts.addObject().put("type", textType).put("text", addition);
    }

    private static LatestUserTurn last(JsonNode messages, String textType) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return null;
        }
        return messages.get(messages.size() - 1) instanceof ObjectNode m ? userTurn(m, textType) : null;
    }

    private static LatestUserTurn userTurn(ObjectNode m, String textType) {
        if (!"user".equals(m.path("role").asText()) || (m.has("type") && !"message".equals(m.path("type").asText()))) {
            return null;
        }
        JsonNode content = m.get("content");
        if (content == null) {
            return null;
        }
        if (content.isTextual()) {
            return content.textValue().isBlank() ? null : new LatestUserTurn(m, null, textType, content.textValue());
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (("text".equals(type) || "input_text".equals(type)) && part.path("text").isTextual()) {
                text.append(text.isEmpty() ? "" : "\n").append(part.get("text").textValue());
            }
        }
        if (text.toString().isBlank()) {
            return null; // tool results or images only: not a question
        }
        String partType = "input_text".equals(content.path(0).path("type").asText()) ? "input_text" : textType;
        return new LatestUserTurn(m, null, partType, text.toString());
    }
}
