package io.headroom.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;

/**
 * Finds tool outputs, the user query and the countable texts in one API's request shape. Reading
 * never modifies the tree; only {@link TextSlot#replace} does.
 */
public interface WireFormat {

    ParsedRequest read(ObjectNode root);

    static WireFormat of(Endpoint endpoint) {
        return switch (endpoint) {
            case OPENAI_CHAT -> new OpenAiChatFormat();
            case ANTHROPIC_MESSAGES -> new AnthropicMessagesFormat();
            case OPENAI_RESPONSES -> new OpenAiResponsesFormat();
        };
    }
}
