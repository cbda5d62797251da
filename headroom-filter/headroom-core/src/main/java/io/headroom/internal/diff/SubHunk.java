package io.headroom.internal.diff;

import java.util.List;
import java.util.Locale;

/**
 * A part of a hunk that keeps fewer context lines, with the header that makes it a hunk of its own: its start
 * lines are the original hunk's plus the pre- and post-image lines before it, so every line number it shows is
 * the diff's own and {@code git apply} still finds its place.
 */
record SubHunk(int oldStart, int newStart, String section, List<String> lines) {

    String header() {
        int oldCount = 0;
        int newCount = 0;
        for (String l : lines) {
            if (Hunk.isContext(l)) {
                oldCount++;
                newCount++;
            } else if (l.startsWith("-")) {
                oldCount++;
            } else if (l.startsWith("+")) {
                newCount++;
            }
        }
        // an empty side names the line before it (git's and GNU diff's convention)
        int oldAt = oldCount == 0 ? oldStart - 1 : oldStart;
        int newAt = newCount == 0 ? newStart - 1 : newStart;
        return String.format(Locale.ROOT, "@@ -%s +%s @@%s", range(oldAt, oldCount), range(newAt, newCount), section);
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    /** The first {@code n} lines (a {@code '\'} line right after them stays with its line). */
    SubHunk prefix(int n) {
        int end = Math.min(n, lines.size());
        if (end < lines.size() && lines.get(end).startsWith("\\")) end++;
        return new SubHunk(oldStart, newStart, section, lines.subList(0, end));
    }
}
