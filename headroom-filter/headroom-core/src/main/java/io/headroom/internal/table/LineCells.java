package io.headroom.internal.table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One line of a separator-drawn table (markdown, psql, box) and where its column separators are, so that a
 * column can be cut out of the line without re-drawing it: the widths of the other columns stay as printed.
 *
 * @param text       the line
 * @param separators ascending indexes of the separator characters in {@code text}
 * @param outer      true when the line starts and ends with a separator ({@code | a | b |}); false for
 *                   psql's {@code  a | b }
 */
record LineCells(String text, int[] separators, boolean outer) {

    /** Separator indexes: {@code seps} characters, skipping any escaped with a backslash (markdown's {@code \|}). */
    static int[] separatorsOf(String line, String seps) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (seps.indexOf(c) >= 0 && (i == 0 || line.charAt(i - 1) != '\\')) at.add(i);
        }
        int[] out = new int[at.size()];
        for (int i = 0; i < out.length; i++) out[i] = at.get(i);
        return out;
    }

    int cellCount() {
        return outer ? separators.length - 1 : separators.length + 1;
    }

    /** The cells' texts, stripped. */
    List<String> cells() {
        List<String> out = new ArrayList<>(cellCount());
        for (int c = 0; c < cellCount(); c++) out.add(text.substring(start(c), end(c)).strip());
        return out;
    }

    private int start(int c) {
        if (outer) return separators[c] + 1;
        return c == 0 ? 0 : separators[c - 1] + 1;
    }

    private int end(int c) {
        if (outer) return separators[c + 1];
        return c == separators.length ? text.length() : separators[c];
    }

    /**
     * The line without the dropped columns. Each kept cell keeps the separator printed before it, except that the
     * first kept cell takes the line's own left edge (a box's {@code ┌} rather than {@code ┬}), so borders and
     * the alignment of what remains are as printed.
     */
    String without(BitSet dropped) {
        if (dropped.isEmpty()) return text;
        StringBuilder b = new StringBuilder(text.length());
        if (outer) b.append(text, 0, separators[0]);
        boolean first = true;
        for (int c = 0; c < cellCount(); c++) {
            if (dropped.get(c)) continue;
            b.append(lead(first ? 0 : c)).append(text, start(c), end(c));
            first = false;
        }
        if (outer) b.append(text, separators[separators.length - 1], text.length());
        return b.toString();
    }

    private String lead(int c) {
        if (outer) return String.valueOf(text.charAt(separators[c]));
        return c == 0 ? "" : String.valueOf(text.charAt(separators[c - 1]));
    }
}
