package io.headroom.internal.simulate;

import io.headroom.BlockKind;

/**
 * One countable text of an OpenAI-chat message: its content (or one text part of it), one tool call's
 * arguments, or one tool result.
 *
 * @param messageIndex position of the message in {@code messages}
 * @param partIndex    position in the message's content parts (or in its {@code tool_calls} for a
 *                     tool call); null for a whole string content or a legacy {@code function_call}
 * @param role         the message's role
 * @param kind         what the block is
 * @param toolName     the tool that was called or that produced the result, or null
 * @param text         the text the model reads
 */
record RequestBlock(int messageIndex, Integer partIndex, String role, BlockKind kind, String toolName, String text) {

    /** Identifies the block within its message, so the same block can be found again after a rewrite. */
    String slotKey() {
        return kind + "#" + partIndex;
    }
}
