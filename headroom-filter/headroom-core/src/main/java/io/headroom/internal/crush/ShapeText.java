package io.headroom.internal.crush;

/**
 * The "shape" of an item's text: identifiers, counters, timestamps and hashes replaced by {@code #}, so that
 * {@code "req-6b89bc730876 took 41ms at 2026-03-14T09:00:03Z"} and {@code "req-2191899181eb took 20ms at
 * 2026-03-14T09:00:08Z"} read the same. Unique ids make every item look new to a word-level measure although
 * they tell the model nothing about which rows are worth reading; the exact values stay in the kept items and
 * numeric outliers are found separately.
 *
 * <p>Rule: a letter/digit run that contains a digit becomes {@code #} when it looks like a hex string
 * (only 0-9 and a-f), otherwise only its digit runs do ({@code Service12} → {@code Service#}).
 */
final class ShapeText {

    private ShapeText() {
    }

    static String of(String text) {
        // the shape is never longer than the text: runs only shrink to '#'
        char[] out = new char[text.length()];
        return new String(out, 0, write(text, out));
    }

    /**
     * 64-bit hashes of {@code of(text)}, each built in one reused buffer instead of a new string: equal shapes
     * hash equally, and distinct shapes of one array collide with negligible probability (one pair in ~10^13
     * for 1,000 shapes). Not thread-safe: one per array.
     */
    static final class Hasher {
        private char[] scratch = new char[256];

        long hash(String text) {
            // the shape is never longer than the text
            if (scratch.length < text.length()) scratch = new char[Math.max(text.length(), 2 * scratch.length)];
            int len = write(text, scratch);
            // four characters per step: one multiply in the dependency chain per step, not per character
            long h = 0x9E3779B97F4A7C15L ^ len;
            int i = 0;
            for (; i + 4 <= len; i += 4) {
                long block = scratch[i] | (long) scratch[i + 1] << 16 | (long) scratch[i + 2] << 32
                        | (long) scratch[i + 3] << 48;
                h = (h ^ mix(block)) * 0xff51afd7ed558ccdL;
            }
            long tail = 0;
            for (int shift = 0; i < len; i++, shift += 16) tail |= (long) scratch[i] << shift;
            return mix(h ^ mix(tail));
        }
    }

    /** Writes the shape of {@code text} into {@code out}; its length. */
    private static int write(String text, char[] out) {
        int len = text.length();
        int o = 0;
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (!letterOrDigit(c)) {
                out[o++] = c;
                i++;
                continue;
            }
            int end = i;
            boolean digit = false;
            boolean hex = true;
            for (char d; end < len && letterOrDigit(d = text.charAt(end)); end++) {
                if (d >= '0' && d <= '9') digit = true;
                else if (!((d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F'))) hex = false;
            }
            if (!digit) {
                text.getChars(i, end, out, o);
                o += end - i;
            } else if (hex) {
                out[o++] = '#';
            } else {
                boolean inDigits = false;
                for (int j = i; j < end; j++) {
                    char d = text.charAt(j);
                    boolean isDigit = d >= '0' && d <= '9';
                    if (!isDigit) out[o++] = d;
                    else if (!inDigits) out[o++] = '#';
                    inDigits = isDigit;
                }
            }
            i = end;
        }
        return o;
    }

    /** MurmurHash3's finalizer: every input bit reaches every output bit. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static boolean letterOrDigit(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c);
    }
}
