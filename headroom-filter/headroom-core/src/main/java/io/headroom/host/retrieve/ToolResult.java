package io.headroom.host.retrieve;

/**
 * The answer to one {@code headroom_retrieve} call.
 *
 * @param callId  the call it answers
 * @param content text handed to the model: the original, the matches as JSON, or why there is nothing
 * @param error   true when nothing could be retrieved (unknown / expired hash, bad arguments)
 */
public record ToolResult(String callId, String content, boolean error) {
}
