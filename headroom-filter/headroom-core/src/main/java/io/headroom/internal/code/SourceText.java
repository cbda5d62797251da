package io.headroom.internal.code;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Line arithmetic and non-overlapping replacements on a source text. */
final class SourceText {

    /** Replace {@code [from, to)} with {@code text}. */
    record Edit(int from, int to, String text) {
    }

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    /** Offset of a 1-based line and column (tabs count as one column, as JavaParser's default). */
    int offset(int line, int column) {
        return lineStarts[line - 1] + column - 1;
    }

    /** 0-based line index of an offset. */
    int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** Leading whitespace of the line holding {@code offset}. */
    String indentAt(int offset) {
        int start = lineStarts[lineOf(offset)];
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return text.substring(start, i);
    }

    /** True when only whitespace precedes {@code offset} on its line. */
    boolean firstOnLine(int offset) {
        for (int i = lineStarts[lineOf(offset)]; i < offset; i++) {
            if (!Character.isWhitespace(text.charAt(i))) return false;
        }
        return true;
    }

    /** Applies edits, skipping any that overlap an earlier (outer, lower-offset) one. */
    static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::from).thenComparingInt(e -> -e.to()));
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Edit e : sorted) {
            if (e.from() < pos) continue;
            out.append(text, pos, e.from()).append(e.text());
            pos = e.to();
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    /** Lines as an editor shows them: a final newline does not start another line. */
    static int countLines(String s) {
        if (s.isEmpty()) return 0;
        int n = s.endsWith("\n") ? 0 : 1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }
}
