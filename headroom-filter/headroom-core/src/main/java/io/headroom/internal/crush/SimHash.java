package io.headroom.internal.crush;

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
        Votes votes = new Votes();
        votes.add(wordHashes[0]);
        for (int i = 1; i < wordHashes.length; i++) {
            votes.add(wordHashes[i]);
            votes.add(Words.mix(wordHashes[i - 1] * 31 + wordHashes[i]));
        }
        return votes.fingerprint(2 * wordHashes.length - 1);
    }

    /**
     * How many features have each of the 64 bits set, counted four bits at a time without branches: lane k
     * of {@code nj} (its bits 4k..4k+3) counts bit 4k+j, so one feature costs four shift-mask-adds. A
     * lane holds up to 15, so the lanes are emptied into the full counts every 15 features.
     */
    private static final class Votes {
        private static final long LANES = 0x1111111111111111L;
        private final int[] counts = new int[64];
        private long n0;
        private long n1;
        private long n2;
        private long n3;
        private int pending;

        void add(long h) {
            n0 += h & LANES;
            n1 += (h >>> 1) & LANES;
            n2 += (h >>> 2) & LANES;
            n3 += (h >>> 3) & LANES;
            if (++pending == 15) flush();
        }

        private void flush() {
            for (int lane = 0; lane < 16; lane++) {
                int shift = 4 * lane;
                counts[shift] += (int) (n0 >>> shift) & 0xF;
                counts[shift + 1] += (int) (n1 >>> shift) & 0xF;
                counts[shift + 2] += (int) (n2 >>> shift) & 0xF;
                counts[shift + 3] += (int) (n3 >>> shift) & 0xF;
            }
            n0 = n1 = n2 = n3 = 0;
            pending = 0;
        }

        /** Bits set by more than half of the {@code features}: the vote (with minus without) is positive. */
        long fingerprint(int features) {
            flush();
            long fingerprint = 0L;
            for (int bit = 0; bit < 64; bit++) {
                if (2 * counts[bit] > features) fingerprint |= 1L << bit;
            }
            return fingerprint;
        }
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }
}
