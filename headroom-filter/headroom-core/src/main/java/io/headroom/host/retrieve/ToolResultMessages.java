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
        ObjectNode m = JSON.objectNode();
        m.put("role", "tool");
        m.put("tool_call_id", r.callId());
        m.put("content", r.content());
        return m;
    }

    /** Anthropic: a {@code tool_result} block for a user message, flagged {@code is_error} when empty-handed. */
    public static ObjectNode anthropic(ToolResult r) {
        ObjectNode b = JSON.objectNode();
        b.put("type", "tool_result");
        b.put("tool_use_id", r.callId());
        b.put("content", r.content());
        if (r.error()) {
            b.put("is_error", true);
        }
        return b;
    }

    /** OpenAI Responses: a {@code function_call_output} input item. */
    public static ObjectNode responses(ToolResult r) {
        ObjectNode i = JSON.objectNode();
        i.put("type", "function_call_output");
        i.put("call_id", r.callId());
        i.put("output", r.content());
        return i;
    }
}
