package io.headroom.internal.content;

import java.util.ArrayList;
import java.util.List;

/** Line helpers shared by the line-oriented compressors; a plain scan, no regex. */
public final class TextLines {
    private TextLines() {
    }

    /** Lines of {@code text} without their terminators ({@code \n} or {@code \r\n}); a final newline adds no empty line. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        int start = 0;
        int len = text.length();
        while (start < len) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? len : nl;
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            out.add(text.substring(start, stop));
            if (nl < 0) break;
            start = nl + 1;
        }
        return out;
    }

    /**
     * Up to about {@code max} lines that represent {@code lines}: all of them when there are few, else the
     * first and last thirds of the budget plus evenly spaced lines from the middle, so a detector stays
     * fast on huge outputs yet sees their head, body and tail.
     */
    public static List<String> sample(List<String> lines, int max) {
        int n = lines.size();
        if (n <= max) return lines;
        int edge = max / 3;
        List<String> out = new ArrayList<>(max + 2);
        out.addAll(lines.subList(0, edge));
        int middle = max - 2 * edge;
        double step = (double) (n - 2 * edge) / middle;
        for (int i = 0; i < middle; i++) out.add(lines.get(edge + (int) (i * step)));
        out.addAll(lines.subList(n - edge, n));
        return out;
    }

    /** Index of the first non-whitespace character, or {@code s.length()} when blank. */
    public static int indent(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** True when {@code word} occurs in {@code s} with no letter, digit or underscore on either side. */
    public static boolean containsWord(String s, String word) {
        int from = 0;
        while (true) {
            int i = s.indexOf(word, from);
            if (i < 0) return false;
            int end = i + word.length();
            if ((i == 0 || !isWordChar(s.charAt(i - 1))) && (end == s.length() || !isWordChar(s.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The line with every run of digits replaced by {@code #}: lines that differ only in numbers compare equal. */
    public static String normalizeNumbers(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inDigits = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inDigits) sb.append('#');
                inDigits = true;
            } else {
                sb.append(c);
                inDigits = false;
            }
        }
        return sb.toString();
    }

    /** Whether the first non-blank character opens a JSON array or object (no parse). */
    public static boolean startsLikeJson(String content) {
        if (content == null || content.isBlank()) return false;
        char c = content.charAt(indent(content));
        return c == '[' || c == '{';
    }
}
