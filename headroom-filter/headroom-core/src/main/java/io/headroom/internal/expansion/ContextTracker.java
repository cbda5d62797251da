package io.headroom.internal.expansion;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was compressed earlier in each conversation (the original's {@code ContextTracker}), bounded: at most
 * {@code maxConversations} conversations, the least recently seen forgotten first, and per conversation the
 * {@link #ORIGINALS_PER_CONVERSATION} most recently compressed originals. Holds hashes and item positions
 * only. Thread-safe.
 */
final class ContextTracker {
    /** The original tracks 100 contexts in all; a conversation rarely has more than a few dozen tool outputs. */
    static final int ORIGINALS_PER_CONVERSATION = 32;

    private final Map<String, Conversation> conversations;

    ContextTracker(int maxConversations) {
        this.conversations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
                return size() > maxConversations;
            }
        };
    }

    /**
     * Records this request's compressed originals as one more turn of {@code conversation} and returns
     * everything tracked for it (earlier turns first), this turn's included.
     */
    synchronized List<TrackedOriginal> track(String conversation, List<Compression> compressedThisTurn) {
        Conversation c = conversations.computeIfAbsent(conversation, k -> new Conversation());
        if (!compressedThisTurn.isEmpty()) {
            c.turns++;
            for (Compression x : compressedThisTurn) {
                TrackedOriginal earlier = c.originals.remove(x.hash());
                if (x.dropped() == null && earlier == null) {
                    continue; // "as before", but forgotten meanwhile: taken again when it is next compressed
                }
                // the same output resent in a later turn keeps the turn (and the items) it was first compressed with
                c.originals.put(x.hash(), x.dropped() == null ? earlier
                        : new TrackedOriginal(x.hash(), x.toolName(), x.itemCount(), x.dropped(),
                        earlier != null ? earlier.turn() : c.turns));
                if (c.originals.size() > ORIGINALS_PER_CONVERSATION) {
                    c.originals.remove(c.originals.keySet().iterator().next());
                }
            }
        }
        return new ArrayList<>(c.originals.values());
    }

    /** Whether {@code conversation} already tracks the original {@code hash}. */
    synchronized boolean tracks(String conversation, String hash) {
        Conversation c = conversations.get(conversation);
        return c != null && c.originals.containsKey(hash);
    }

    synchronized int conversations() {
        return conversations.size();
    }

    /**
     * One compressed original of the current request, as the tracker keeps it; {@code dropped} null for an original
     * the conversation already tracks (kept as it was first tracked).
     */
    record Compression(String hash, String toolName, int itemCount, BitSet dropped) {
    }

    private static final class Conversation {
        int turns;
        final LinkedHashMap<String, TrackedOriginal> originals = new LinkedHashMap<>();
    }
}
