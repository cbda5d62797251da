package io.headroom.core.crush;

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

    /** FNV-1a over the characters, then a finalizer so that every bit depends on every character. */
    static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
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
        return Character.isLetterOrDigit(c) || c == '#' || c == '_';
    }
}
