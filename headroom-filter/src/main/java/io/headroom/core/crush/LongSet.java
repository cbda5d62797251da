package io.headroom.core.crush;

/**
 * A set of longs without boxing (open addressing, linear probing), for the word and bigram hashes of
 * {@link AdaptiveBudget}: a 1,000-item array produces tens of thousands of them per request, and a
 * {@code HashSet<Long>} spent more time allocating and comparing boxes than measuring information.
 */
final class LongSet {
    private long[] slots;
    private boolean hasZero;
    private int size;

    LongSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        slots = new long[capacity];
    }

    /** Empties the set, keeping its capacity. */
    void clear() {
        if (size == 0) return;
        java.util.Arrays.fill(slots, 0L);
        hasZero = false;
        size = 0;
    }

    int size() {
        return size;
    }

    boolean contains(long v) {
        if (v == 0) return hasZero;
        int mask = slots.length - 1;
        for (int i = index(v, mask); ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == v) return true;
            if (s == 0) return false;
        }
    }

    /** @return true when {@code v} was not in the set yet */
    boolean add(long v) {
        if (v == 0) {
            if (hasZero) return false;
            hasZero = true;
            size++;
            return true;
        }
        int mask = slots.length - 1;
        int i = index(v, mask);
        for (long s = slots[i]; s != 0; s = slots[i]) {
            if (s == v) return false;
            i = (i + 1) & mask;
        }
        slots[i] = v;
        if (++size * 2 > slots.length) grow();
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long s : old) {
            if (s == 0) continue;
            int i = index(s, mask);
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = s;
        }
    }

    private static int index(long v, int mask) {
        // the values are already well-mixed hashes; fold the high bits in anyway
        return (int) (v ^ (v >>> 32)) & mask;
    }
}
