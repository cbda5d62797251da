package io.headroom.internal.wire;


/**
 * The text of one tool result in a request: the only thing Headroom ever rewrites.
 *
 * @param toolName name of the tool that produced it (from the matching call), or null if unknown
 * @param callId   the call id that links it to the call, or null
 * @param slot     where the text lives
 * @param messagesFromEnd position of the message (or Responses input item) holding it, counted from
 *                 the end of the conversation: 0 for the last one
 */
public record ToolOutput(String toolName, String callId, TextSlot slot, int messagesFromEnd) {
    public String text() {
        return slot.text();
    }
}
