package io.headroom.internal.text;

/** Word counting shared by the prose and code compressors (their "too short to bother" gate). */
public final class Words {

    private Words() {
    }

    /** Number of whitespace-separated runs that contain at least one letter or digit. */
    public static int count(String text) {
        if (text == null) return 0;
        int words = 0;
        boolean inWord = false;
        boolean hasAlnum = false;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c)) {
                if (inWord && hasAlnum) words++;
                inWord = false;
                hasAlnum = false;
            } else {
                inWord = true;
                hasAlnum |= Character.isLetterOrDigit(c);
            }
        }
        return words;
    }
}
