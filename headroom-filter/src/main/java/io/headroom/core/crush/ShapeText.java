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
        StringBuilder out = new StringBuilder(text.length());
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            boolean digit = false;
            boolean hex = true;
            while (end < len && Character.isLetterOrDigit(text.charAt(end))) {
                char d = text.charAt(end);
                if (d >= '0' && d <= '9') digit = true;
                else if (!((d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F'))) hex = false;
                end++;
            }
            if (!digit) {
                out.append(text, i, end);
            } else if (hex) {
                out.append('#');
            } else {
                boolean inDigits = false;
                for (int j = i; j < end; j++) {
                    char d = text.charAt(j);
                    boolean isDigit = d >= '0' && d <= '9';
                    if (!isDigit) out.append(d);
                    else if (!inDigits) out.append('#');
                    inDigits = isDigit;
                }
            }
            i = end;
        }
        return out.toString();
    }
}
