package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.util.Set;

/**
 * OpenAI Responses {@code input} items: {@code function_call} (and the other {@code *_call} items)
 * pair with their {@code *_call_output} by {@code call_id}; a {@code reasoning} item belongs to the
 * item after it. {@code instructions} lives outside the list and is never touched. The note is a new
 * user message item.
 */
final class ResponsesShape extends OpenAiShape {

    @Override
    public Endpoint endpoint() {
        return Endpoint.OPENAI_RESPONSES;
    }

    @Override
    public String listField() {
        return "input";
    }

    @Override
    public boolean bindsToNext(JsonNode m) {
        return "reasoning".equals(MessageShape.text(m, "type"));
    }

    @Override
    public boolean bindsToPrevious(JsonNode m) {
        return false;
    }

    @Override
    public void callIds(JsonNode m, Set<String> into) {
        String id = MessageShape.text(m, "call_id");
        if (id != null) into.add(id);
    }

    @Override
    public void insertNote(ArrayNode items, int at, String note) {
        ObjectNode msg = items.objectNode();
        msg.put("type", "message");
        msg.put("role", "user");
        msg.put("content", note);
        items.insert(at, msg);
    }
}
