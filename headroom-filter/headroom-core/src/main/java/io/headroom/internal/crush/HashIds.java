package io.headroom.internal.crush;

/**
 * Numbers distinct 64-bit hashes 0, 1, 2, ... in order of first appearance (open addressing, linear probing,
 * sized once for the number of hashes that will be offered). With dense ids, "which bigrams are covered" is a
 * bit per id instead of a second hash table, and the one table lookup per bigram serves de-duplication,
 * counting and coverage at once. The table holds only ids; the hashes live in an array indexed by id, so a
 * 50,000-bigram array costs 0.9 MB instead of 1.5 MB for slots of (hash, id).
 */
final class HashIds {
    private final int[] slots; // id + 1; 0 marks an empty slot
    private final long[] hashes; // by id
    private final int mask;
    private int size;

    /** @param expected at most this many {@link #idOf} calls will be made (the table never grows) */
    HashIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1; // load factor <= 1/2
        slots = new int[capacity];
        hashes = new long[Math.max(1, expected)];
        mask = capacity - 1;
    }

    /** The id of {@code hash}, a new one (= the previous {@link #size()}) when it was not seen before. */
    int idOf(long hash) {
        int i = (int) (hash ^ (hash >>> 32)) & mask; // the hashes are already well mixed
        for (int slot = slots[i]; slot != 0; slot = slots[i]) {
            if (hashes[slot - 1] == hash) return slot - 1;
            i = (i + 1) & mask;
        }
        hashes[size] = hash;
        slots[i] = ++size;
        return size - 1;
    }

    /** Distinct hashes seen. */
    int size() {
        return size;
    }
}
