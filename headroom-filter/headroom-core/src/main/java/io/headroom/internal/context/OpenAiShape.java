package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the two OpenAI list shapes (Chat Completions {@code messages}, Responses {@code input}) agree
 * on: system and developer entries are instructions, a user entry starts a turn, and turns need not
 * alternate strictly.
 */
abstract class OpenAiShape implements MessageShape {

    @Override
    public final boolean isSystem(JsonNode m) {
        String role = MessageShape.text(m, "role");
        return "system".equals(role) || "developer".equals(role);
    }

    @Override
    public final boolean startsTurn(JsonNode m) {
        return "user".equals(MessageShape.text(m, "role"));
    }

    @Override
    public final boolean exchangesOnly() {
        return false;
    }
}
