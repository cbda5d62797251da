package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import java.util.Set;

/**
 * OpenAI Chat Completions: {@code assistant.tool_calls[].id} pairs with {@code role: tool}
 * {@code tool_call_id}. The note is a new {@code user} message: system and developer messages are
 * never rewritten, and a user message may sit anywhere a dropped block could have been.
 */
final class ChatShape extends OpenAiShape {

    @Override
    public Endpoint endpoint() {
        return Endpoint.OPENAI_CHAT;
    }

    @Override
    public String listField() {
        return "messages";
    }

    @Override
    public boolean bindsToNext(JsonNode m) {
        return false;
    }

    @Override
    public boolean bindsToPrevious(JsonNode m) {
        return "function".equals(MessageShape.text(m, "role")); // legacy function result follows its call
    }

    @Override
    public void callIds(JsonNode m, Set<String> into) {
        for (JsonNode call : m.path("tool_calls")) {
            String id = MessageShape.text(call, "id");
            if (id != null) into.add(id);
        }
        String answered = MessageShape.text(m, "tool_call_id");
        if (answered != null) into.add(answered);
    }

    @Override
    public void insertNote(ArrayNode messages, int at, String note) {
        ObjectNode msg = messages.objectNode();
        msg.put("role", "user");
        msg.put("content", note);
        messages.insert(at, msg);
    }
}
