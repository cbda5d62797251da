package io.headroom.internal.image.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a question into a sparse, L2-normalised vector of hashed features: words, word bigrams and 4-letter
 * word prefixes (so "reading" and "read" share a feature), each hashed into a fixed number of buckets. Training
 * and inference use this one class, so the shipped weights always mean the same features.
 */
public final class QueryFeatures {
    /** Buckets of the shipped model: 4,096 × 4 classes of floats is a 64 KB resource. */
    public static final int DEFAULT_BUCKETS = 4096;
    /** Only the start of a very long prompt is read: the question is near the image, and hashing stays µs. */
    static final int MAX_TOKENS = 64;
    private static final int PREFIX = 4;

    private final int buckets;

    public QueryFeatures(int buckets) {
        if (buckets < 16 || Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two >= 16: " + buckets);
        }
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    /** Lower-cased words of letters and digits ("top-left" gives "top", "left"); at most {@value #MAX_TOKENS}. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length() && words.size() < MAX_TOKENS; i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** The question's features: distinct bucket indices with their L2-normalised weights. */
    public SparseVector vectorOf(String question) {
        List<String> words = words(question);
        int[] raw = new int[words.size() * 3 + 1];
        int n = 0;
        String previous = "<s>";
        for (String word : words) {
            raw[n++] = bucket("w:" + word);
            raw[n++] = bucket("b:" + previous + ' ' + word);
            if (word.length() > PREFIX) {
                raw[n++] = bucket("p:" + word.substring(0, PREFIX));
            }
            previous = word;
        }
        raw[n++] = bucket("b:" + previous + " </s>");
        return SparseVector.normalised(Arrays.copyOf(raw, n));
    }

    /** FNV-1a over the string's chars: stable across JVMs and releases, unlike {@link String#hashCode} mixing. */
    int bucket(String feature) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            hash ^= feature.charAt(i);
            hash *= 0x01000193;
        }
        return hash & (buckets - 1);
    }

    /** Distinct indices and their values; duplicates counted, then scaled to unit length. */
    public record SparseVector(int[] indices, float[] values) {
        static SparseVector normalised(int[] rawIndices) {
            int[] sorted = rawIndices.clone();
            Arrays.sort(sorted);
            int[] indices = new int[sorted.length];
            float[] values = new float[sorted.length];
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (distinct > 0 && indices[distinct - 1] == sorted[i]) {
                    values[distinct - 1]++;
                } else {
                    indices[distinct] = sorted[i];
                    values[distinct++] = 1;
                }
            }
            double norm = 0;
            for (int i = 0; i < distinct; i++) {
                norm += values[i] * values[i];
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < distinct; i++) {
                values[i] *= scale;
            }
            return new SparseVector(Arrays.copyOf(indices, distinct), Arrays.copyOf(values, distinct));
        }
    }
}
