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
        // ones[bit] counts the features with that bit set; the vote is positive when they are the majority
        int[] ones = new int[64];
        count(ones, wordHashes[0]);
        for (int i = 1; i < wordHashes.length; i++) {
            count(ones, wordHashes[i]);
            count(ones, Words.mix(wordHashes[i - 1] * 31 + wordHashes[i]));
        }
        int features = 2 * wordHashes.length - 1;
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > features) fingerprint |= 1L << bit;
        }
        return fingerprint;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }

    private static void count(int[] ones, long h) {
        for (int bit = 0; bit < 64; bit++) {
            ones[bit] += (int) ((h >>> bit) & 1L);
        }
    }
}
