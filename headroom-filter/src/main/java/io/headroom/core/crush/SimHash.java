package io.headroom.core.crush;

/**
 * 64-bit SimHash fingerprints: texts that share most of their words get fingerprints a few bits apart, so
 * near-duplicates are found with an XOR and a bit count instead of a text comparison.
 *
 * <p>Features are the lower-cased words of the text and its word bigrams (word order matters a little);
 * each feature votes on every bit by its own 64-bit hash.
 */
final class SimHash {

    /** Items whose fingerprints differ in at most this many bits count as one pattern. */
    static final int NEAR_DUPLICATE_BITS = 3;

    private SimHash() {
    }

    static long of(String text) {
        return of(Words.hashes(text));
    }

    /** The fingerprint of a text given its {@link Words#hashes word hashes}. */
    static long of(long[] wordHashes) {
        if (wordHashes.length == 0) return 0L;
        // How many features have each bit set, kept as bit-sliced binary counters: levels[j] holds bit j of
        // all 64 counts, so adding a feature is a ripple-carry over a few words instead of 64 increments.
        long[] levels = new long[33 - Integer.numberOfLeadingZeros(2 * wordHashes.length)];
        add(levels, wordHashes[0]);
        for (int i = 1; i < wordHashes.length; i++) {
            add(levels, wordHashes[i]);
            add(levels, Words.mix(wordHashes[i - 1] * 31 + wordHashes[i]));
        }
        int features = 2 * wordHashes.length - 1;
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            int ones = 0;
            for (int j = 0; j < levels.length; j++) ones |= (int) ((levels[j] >>> bit) & 1L) << j;
            // the vote (features with the bit minus features without) is positive
            if (2 * ones > features) fingerprint |= 1L << bit;
        }
        return fingerprint;
    }

    private static void add(long[] levels, long h) {
        long carry = h;
        for (int j = 0; carry != 0; j++) {
            long next = levels[j] & carry;
            levels[j] ^= carry;
            carry = next;
        }
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }
}
