package io.headroom.internal.expansion;

import java.util.BitSet;

/**
 * One original compressed in a conversation: its CCR hash and which of its items the model did not get.
 * Positions only, never content: the content stays in the CCR store, which is asked again at expansion time.
 *
 * @param hash      the CCR key the marker carried
 * @param toolName  the tool whose output it was, or null
 * @param itemCount items of the original ({@code ItemSearch.items})
 * @param dropped   positions of the items the compressed text left out
 * @param turn      the conversation turn that compressed it (1 for the first request tracked)
 */
record TrackedOriginal(String hash, String toolName, int itemCount, BitSet dropped, int turn) {
}
