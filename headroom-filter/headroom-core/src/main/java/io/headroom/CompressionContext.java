package io.headroom;

/**
 * What a compressor may know about the tool output it is given, beyond its text.
 *
 * @param query            text of the latest real user message (relevance is judged against it), or null
 * @param ccrHash          key the original will be stored under; the compressor puts it in its
 *                         retrieval marker. Null when CCR is disabled: then no marker is written.
 * @param toolName         the tool that produced the output, or null when unknown
 * @param messagesFromEnd  0 for a tool output in the last message of the conversation, 1 for the one
 *                         before, ... (code in the last few messages is protected)
 * @param analysisIntent   true when the latest user message asks to analyze / review / explain / fix /
 *                         debug: code is then never compressed
 */
public record CompressionContext(String query, String ccrHash, String toolName, int messagesFromEnd,
                                 boolean analysisIntent) {

    /** A context for a standalone call: no CCR marker, not recent, no analysis intent. */
    public static CompressionContext of(String query) {
        return new CompressionContext(query, null, null, Integer.MAX_VALUE, false);
    }

    /** The retrieval marker every compressor appends, or an empty string when CCR is off. */
    public String marker(int originalUnits, int keptUnits, String unit) {
        if (ccrHash == null) {
            return "";
        }
        return "[" + originalUnits + " " + unit + " compressed to " + keptUnits + ". Retrieve more: hash=" + ccrHash + "]";
    }
}
