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
        int[] votes = new int[64];
        long previous = 0;
        boolean hasPrevious = false;
        int features = 0;
        for (String word : Words.split(text)) {
            long h = Words.hash(word);
            vote(votes, h);
            if (hasPrevious) vote(votes, Words.mix(previous * 31 + h));
            previous = h;
            hasPrevious = true;
            features++;
        }
        if (features == 0) return 0L;
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) fingerprint |= 1L << bit;
        }
        return fingerprint;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }

    private static void vote(int[] votes, long h) {
        for (int bit = 0; bit < 64; bit++) {
            votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
        }
    }
}
