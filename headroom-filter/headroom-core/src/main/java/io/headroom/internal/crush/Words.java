package io.headroom.internal.crush;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word splitting and 64-bit word hashes shared by the information measures of {@link AdaptiveBudget}. */
final class Words {

    private Words() {
    }

    /** Lower-cased runs of letters, digits, '#' and '_' (punctuation and whitespace separate words). */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0, len = text.length(); i <= len; i++) {
            boolean word = i < len && isWordChar(text.charAt(i));
            if (word && start < 0) start = i;
            else if (!word && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    /**
     * {@code hash(w)} of each word {@code w} of {@code split(text)}, in order, without creating the words:
     * ASCII words are lower-cased and hashed character by character (the same characters
     * {@link String#toLowerCase(Locale)} gives); a word with other characters takes the exact path.
     */
    static long[] hashes(String text) {
        long[] out = new long[(text.length() >> 2) + 4];
        int count = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = true;
            long h = FNV_OFFSET;
            for (char c; i < len && isWordChar(c = text.charAt(i)); i++) {
                if (c >= 128) {
                    ascii = false;
                } else {
                    h ^= c >= 'A' && c <= 'Z' ? c + 32 : c;
                    h *= FNV_PRIME;
                }
            }
            long wordHash = ascii ? mix(h) : hash(text.substring(start, i).toLowerCase(Locale.ROOT));
            if (count == out.length) out = java.util.Arrays.copyOf(out, count * 2);
            out[count++] = wordHash;
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over the characters, then a finalizer so that every bit depends on every character. */
    static long hash(String word) {
        long h = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#' || c == '_';
        return Character.isLetterOrDigit(c);
    }
}
