package io.headroom.core.crush;

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
        Out out = new Out(new char[text.length()]);
        write(text, out);
        return new String(out.chars, 0, out.length);
    }

    /**
     * A 64-bit hash of {@code of(text)}, computed without building the shape: equal shapes hash equally, and
     * distinct shapes of one array collide with negligible probability (one pair in ~10^13 for 1,000 shapes).
     */
    static long hash(String text) {
        Out out = new Out(null);
        write(text, out);
        return mix(out.hash ^ out.length);
    }

    private static void write(String text, Out out) {
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (!letterOrDigit(c)) {
                out.put(c);
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
                for (int j = i; j < end; j++) out.put(text.charAt(j));
            } else if (hex) {
                out.put('#');
            } else {
                boolean inDigits = false;
                for (int j = i; j < end; j++) {
                    char d = text.charAt(j);
                    boolean isDigit = d >= '0' && d <= '9';
                    if (!isDigit) out.put(d);
                    else if (!inDigits) out.put('#');
                    inDigits = isDigit;
                }
            }
            i = end;
        }
    }

    /** Where a shape goes: characters (when {@code chars} is set) and an FNV-1a hash of them. */
    private static final class Out {
        private static final long FNV_OFFSET = 0xcbf29ce484222325L;
        private static final long FNV_PRIME = 0x100000001b3L;
        final char[] chars;
        int length;
        long hash = FNV_OFFSET;

        Out(char[] chars) {
            this.chars = chars;
        }

        void put(char c) {
            if (chars != null) chars[length] = c;
            length++;
            hash = (hash ^ c) * FNV_PRIME;
        }
    }

    /** MurmurHash3's finalizer: spreads FNV's weak low bits over the whole word (tables index by them). */
    private static long mix(long h) {
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
