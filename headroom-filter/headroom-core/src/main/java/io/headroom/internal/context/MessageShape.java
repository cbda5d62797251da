package io.headroom.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headroom.Endpoint;
import java.util.Set;

/**
 * What context management must know about one API's conversation list: which entries are system
 * prompts, where user turns start, how tool calls link to their results, and where a "messages were
 * dropped" note can go without making the request invalid.
 */
interface MessageShape {

    /** The API this shape belongs to. */
    Endpoint endpoint();

    /** Name of the root field that holds the conversation array ({@code messages} or {@code input}). */
    String listField();

    /** A system / developer instruction inside the list: never dropped. */
    boolean isSystem(JsonNode message);

    /** True when {@code message} is a user message that starts a turn (not one that only carries tool results). */
    boolean startsTurn(JsonNode message);

    /**
     * True when units may only start at user messages, so that any set of dropped units keeps the
     * user/assistant alternation (Anthropic).
     */
    boolean exchangesOnly();

    /** True when {@code message} belongs with the entry right after it (a Responses reasoning item). */
    boolean bindsToNext(JsonNode message);

    /** True when {@code message} belongs with the entry right before it (a legacy {@code function} result). */
    boolean bindsToPrevious(JsonNode message);

    /** Adds the tool call ids that {@code message} issues or answers; entries sharing an id are dropped together. */
    void callIds(JsonNode message, Set<String> into);

    /**
     * Puts the note into {@code messages} where the first dropped message was ({@code at}, an index
     * into the list after the drop).
     */
    void insertNote(ArrayNode messages, int at, String note);

    static MessageShape of(Endpoint endpoint) {
        return switch (endpoint) {
            case OPENAI_CHAT -> new ChatShape();
            case ANTHROPIC_MESSAGES -> new AnthropicShape();
            case OPENAI_RESPONSES -> new ResponsesShape();
        };
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
