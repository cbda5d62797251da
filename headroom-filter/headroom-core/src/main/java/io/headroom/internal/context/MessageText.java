package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The texts a model reads in one message (or any request field), shape-agnostic: every string
 * value in the tree except structural fields (roles, types, ids) and binary payloads, whose cost is
 * not their text length. Used for token counting and for scoring.
 */
final class MessageText {
    private static final Set<String> SKIPPED = Set.of("role", "type", "id", "call_id", "tool_call_id", "tool_use_id",
            "status", "signature", "data", "image_url", "url", "media_type", "cache_control", "encrypted_content",
            "file_id", "detail");

    private MessageText() {
    }

    static List<String> of(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    /** All texts joined by newlines. */
    static String joined(JsonNode node) {
        return String.join("\n", of(node));
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node == null) return;
        if (node.isTextual()) {
            if (!node.textValue().isEmpty()) out.add(node.textValue());
        } else if (node.isArray()) {
            for (JsonNode child : node) collect(child, out);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!SKIPPED.contains(e.getKey())) collect(e.getValue(), out);
            }
        }
    }
}
