package io.headroom.host.retrieve;

/**
 * One call of {@code headroom_retrieve} found in a model's answer.
 *
 * @param id    the call id the tool result must name (tool_call_id, tool_use_id or call_id)
 * @param hash  the requested CCR key, or null when the arguments did not name one
 * @param query the optional search query, or null
 */
public record RetrieveCall(String id, String hash, String query) {
}
