package io.headroom.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Endpoint;

/**
 * Which provider's message shape the {@code messages} of a {@code POST /v1/compress} request are in. The
 * original's proxy accepts both on that route (its pipeline reads Anthropic {@code tool_use}/{@code tool_result}
 * blocks as well as OpenAI tool messages) and its TypeScript SDK's {@code messages.simulate} sends Anthropic
 * messages unconverted; the markers are the ones that SDK's {@code detectFormat} uses, checked in its order, plus
 * a top-level {@code system}, which only Anthropic's request shape has.
 */
public final class MessageShape {
    private MessageShape() {
    }

    /** {@link Endpoint#ANTHROPIC_MESSAGES} or {@link Endpoint#OPENAI_CHAT} (the default: plain {role, content}). */
    public static Endpoint of(JsonNode request) {
        if (request.hasNonNull("system")) {
            return Endpoint.ANTHROPIC_MESSAGES;
        }
        for (JsonNode m : request.path("messages")) {
            String role = m.path("role").asText("");
            if ("assistant".equals(role) && m.hasNonNull("tool_calls")) {
                return Endpoint.OPENAI_CHAT;
            }
            if ("tool".equals(role) && m.has("tool_call_id") && m.path("content").isTextual()) {
                return Endpoint.OPENAI_CHAT;
            }
            for (JsonNode part : m.path("content")) {
                String type = part.path("type").asText("");
                if ("tool_use".equals(type) || "tool_result".equals(type)) {
                    return Endpoint.ANTHROPIC_MESSAGES;
                }
                if ("image".equals(type) && part.path("source").hasNonNull("type")) {
                    return Endpoint.ANTHROPIC_MESSAGES;
                }
            }
        }
        return Endpoint.OPENAI_CHAT;
    }
}
