package io.headroom.internal.diff;

import java.util.List;

/**
 * One hunk of a unified diff as written: its {@code @@ -a,b +c,d @@ section} line and body lines.
 *
 * @param header   the hunk header line as written
 * @param oldStart first pre-image line ({@code a}), or -1 when the header's ranges do not parse
 * @param newStart first post-image line ({@code c}), or -1 when they do not parse
 * @param section  what follows the closing {@code @@} (git's function context), often empty
 * @param body     context ({@code ' '}), removed ({@code '-'}), added ({@code '+'}) and {@code '\'} lines
 */
record Hunk(String header, int oldStart, int newStart, String section, List<String> body) {
    Hunk {
        body = List.copyOf(body);
    }

    /** True when the header's line numbers parsed, so sub-hunks can be given exact headers. */
    boolean numbered() {
        return oldStart >= 0 && newStart >= 0;
    }

    int changedLines() {
        int n = 0;
        for (String l : body) {
            if (isChange(l)) n++;
        }
        return n;
    }

    static boolean isChange(String line) {
        return line.startsWith("+") || line.startsWith("-");
    }

    /** Context lines; some tools strip the space of an empty one. */
    static boolean isContext(String line) {
        return line.isEmpty() || line.charAt(0) == ' ';
    }
}
