package io.headroom.internal.crush;

/**
 * The cluster representatives' {@link SimHash} fingerprints, searchable for the first one within
 * {@value SimHash#NEAR_DUPLICATE_BITS} bits of a new fingerprint without comparing against all of them.
 *
 * <p>Pigeonhole: the 64 bits are cut into {@value #BLOCKS} blocks of 16; two fingerprints that differ in at
 * most {@code BLOCKS - 1} bits agree on at least one whole block. Each block value points to the
 * representatives having it, so only those are compared. The answer is the lowest-numbered match, exactly
 * what a scan over all representatives in order returns; a 1,000-item array of distinct shapes no longer
 * costs half a million comparisons.
 */
final class FingerprintIndex {
    static final int BLOCKS = 4;
    private static final int BLOCK_BITS = 64 / BLOCKS;
    private static final int BLOCK_MASK = (1 << BLOCK_BITS) - 1;

    static {
        if (SimHash.NEAR_DUPLICATE_BITS >= BLOCKS) throw new AssertionError("pigeonhole needs more blocks");
    }

    private long[] fingerprints;
    /** next[rep * BLOCKS + b]: the previous representative with the same value in block b, or -1. */
    private int[] next;
    /** Per block: open-addressing table of (block value + 1) to the latest representative having it. */
    private final int[][] keys = new int[BLOCKS][];
    private final int[][] heads = new int[BLOCKS][];
    private int size;

    FingerprintIndex(int expected) {
        int reps = Math.max(8, expected);
        fingerprints = new long[reps];
        next = new int[reps * BLOCKS];
        int capacity = Integer.highestOneBit(reps * 2 - 1) << 1;
        for (int b = 0; b < BLOCKS; b++) {
            keys[b] = new int[capacity];
            heads[b] = new int[capacity];
        }
    }

    int size() {
        return size;
    }

    /** The lowest-numbered representative that is a near-duplicate of {@code fp}, or -1. */
    int find(long fp) {
        int best = Integer.MAX_VALUE;
        for (int b = 0; b < BLOCKS; b++) {
            int slot = slot(b, block(fp, b));
            if (keys[b][slot] == 0) continue;
            for (int r = heads[b][slot]; r >= 0; r = next[r * BLOCKS + b]) {
                if (r < best && SimHash.nearDuplicates(fp, fingerprints[r])) best = r;
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    /** Adds {@code fp} as the next representative and returns its number. */
    int add(long fp) {
        int r = size++;
        if (r == fingerprints.length) {
            fingerprints = java.util.Arrays.copyOf(fingerprints, r * 2);
            next = java.util.Arrays.copyOf(next, r * 2 * BLOCKS);
        }
        fingerprints[r] = fp;
        for (int b = 0; b < BLOCKS; b++) {
            int value = block(fp, b);
            int slot = slot(b, value);
            if (keys[b][slot] == 0) {
                keys[b][slot] = value + 1;
                next[r * BLOCKS + b] = -1;
            } else {
                next[r * BLOCKS + b] = heads[b][slot];
            }
            heads[b][slot] = r;
        }
        if (size * 2 > keys[0].length) rehash();
        return r;
    }

    private static int block(long fp, int b) {
        return (int) (fp >>> (b * BLOCK_BITS)) & BLOCK_MASK;
    }

    /** The slot of {@code value} in block b's table: where it is, or the empty slot where it goes. */
    private int slot(int b, int value) {
        int[] k = keys[b];
        int mask = k.length - 1;
        int i = (value * 0x9E3779B1) >>> 7 & mask;
        while (k[i] != 0 && k[i] != value + 1) i = (i + 1) & mask;
        return i;
    }

    private void rehash() {
        for (int b = 0; b < BLOCKS; b++) {
            int[] oldKeys = keys[b];
            int[] oldHeads = heads[b];
            keys[b] = new int[oldKeys.length * 2];
            heads[b] = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == 0) continue;
                int slot = slot(b, oldKeys[i] - 1);
                keys[b][slot] = oldKeys[i];
                heads[b][slot] = oldHeads[i];
            }
        }
    }
}
