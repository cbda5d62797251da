package io.headroom;


/**
 * One entry of the simulation's per-block breakdown.
 *
 * @param index        position in the breakdown
 * @param messageIndex position of the message in the original {@code messages}; null for a message the
 *                     pipeline would insert (the note that stands in for dropped messages)
 * @param partIndex    position in the message's content parts (or {@code tool_calls} for a tool call);
 *                     null for a whole string content
 * @param role         the message's role
 * @param kind         system, user, assistant, tool_call, tool_result or text
 * @param contentType  what a tool result is (the type the router would compress it as); null otherwise
 * @param toolName     the tool that was called or produced the result, or null
 * @param tokensBefore tokens of the block as sent
 * @param tokensAfter  tokens after optimize (0 when its message would be dropped)
 * @param transform    what would change the block ({@code router:json:0.12}, {@code deep_compress},
 *                     {@code rolling_window:12}, ...), or null when it would stay as it is
 */
public record BlockReport(int index, Integer messageIndex, Integer partIndex, String role, BlockKind kind,
                          ContentType contentType, String toolName, int tokensBefore, int tokensAfter,
                          String transform) {

    public int tokensSaved() {
        return tokensBefore - tokensAfter;
    }
}
