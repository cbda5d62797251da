package io.headroom.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Small tree helpers shared by the wire formats. */
final class Nodes {
    private Nodes() {
    }

    /** The string value of {@code node[field]}, or null when absent or not a string. */
    static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /**
     * Text of a message {@code content}: the string itself, or the {@code text} of every part of
     * an array of parts (text, input_text, output_text ...) joined by newlines; null if none.
     */
    static String contentText(JsonNode content) {
        if (content == null) {
            return null;
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            String t = part.isObject() ? string(part, "text") : part.isTextual() ? part.textValue() : null;
            if (t != null) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(t);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }

    /**
     * Slots of a tool result value held in {@code owner[field]}: the field itself when it is a
     * string, else the {@code text} of each text part when it is an array of parts.
     * {@code messagesFromEnd} is the holding message's position from the end (0 = last).
     */
    static void addToolOutputs(List<ToolOutput> out, ObjectNode owner, String field, String toolName, String callId,
                               int messagesFromEnd) {
        JsonNode value = owner.get(field);
        if (value == null) {
            return;
        }
        if (value.isTextual()) {
            out.add(new ToolOutput(toolName, callId, new TextSlot(owner, field), messagesFromEnd));
        } else if (value.isArray()) {
            for (JsonNode part : value) {
                if (part instanceof ObjectNode p && p.path("text").isTextual()) {
                    out.add(new ToolOutput(toolName, callId, new TextSlot(p, "text"), messagesFromEnd));
                }
            }
        }
    }

    static String nameFor(Map<String, String> namesById, String id) {
        return id == null ? null : namesById.get(id);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
