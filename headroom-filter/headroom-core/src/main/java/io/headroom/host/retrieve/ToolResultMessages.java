package io.headroom.host.retrieve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link ToolResult} in the shape each API expects it back. */
public final class ToolResultMessages {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ToolResultMessages() {
    }

    /** OpenAI Chat: {@code {"role":"tool","tool_call_id","content"}}. */
    public static ObjectNode openAiChat(ToolResult r) {
        return fields(r, "role", "tool", "tool_call_id", "content");
    }

    /** Anthropic: a {@code tool_result} block for a user message, flagged {@code is_error} when empty-handed. */
    public static ObjectNode anthropic(ToolResult r) {
        ObjectNode b = fields(r, "type", "tool_result", "tool_use_id", "content");
        if (r.error()) {
            b.put("is_error", true);
        }
        return b;
    }

    /** OpenAI Responses: a {@code function_call_output} input item. */
    public static ObjectNode responses(ToolResult r) {
        return fields(r, "type", "function_call_output", "call_id", "output");
    }

    /** The three fields every shape has, under that API's names: what it is, the call it answers, the text. */
    private static ObjectNode fields(ToolResult r, String kindField, String kind, String callIdField,
            String contentField) {
        ObjectNode o = JSON.objectNode();
        o.put(kindField, kind);
        o.put(callIdField, r.callId());
        o.put(contentField, r.content());
        return o;
    }
}
