package io.headroom.core.crush;

/**
 * Numbers distinct 64-bit hashes 0, 1, 2, ... in order of first appearance (open addressing, linear probing,
 * sized once for the number of hashes that will be offered). With dense ids, "which bigrams are covered" is a
 * bit per id instead of a second hash table, and the one table lookup per bigram serves de-duplication,
 * counting and coverage at once.
 */
final class HashIds {
    private final long[] keys;
    private final int[] ids; // id + 1; 0 marks an empty slot
    private final int mask;
    private int zeroId = -1; // 0 is a valid hash but marks empty key slots
    private int size;

    /** @param expected at most this many {@link #idOf} calls will be made (the table never grows) */
    HashIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1; // load factor <= 1/2
        keys = new long[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
    }

    /** The id of {@code hash}, a new one (= the previous {@link #size()}) when it was not seen before. */
    int idOf(long hash) {
        if (hash == 0) {
            if (zeroId < 0) zeroId = size++;
            return zeroId;
        }
        int i = (int) (hash ^ (hash >>> 32)) & mask; // the hashes are already well mixed
        for (int id = ids[i]; id != 0; id = ids[i]) {
            if (keys[i] == hash) return id - 1;
            i = (i + 1) & mask;
        }
        keys[i] = hash;
        ids[i] = ++size;
        return size - 1;
    }

    /** Distinct hashes seen. */
    int size() {
        return size;
    }
}
