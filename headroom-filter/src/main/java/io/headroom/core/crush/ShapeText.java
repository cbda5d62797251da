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
        int len = text.length();
        // the shape is never longer than the text: runs only shrink to '#'
        char[] out = new char[len];
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
        return new String(out, 0, o);
    }

    private static boolean letterOrDigit(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c);
    }
}
