package io.headroom.internal.table;

import io.headroom.internal.content.TextLines;
import java.util.List;

/**
 * A tool output split into lines, remembering its line ends, so that the text around a table can be given
 * back byte for byte.
 */
final class SourceLines {
    private final String content;
    private final List<String> lines;
    private final String eol;
    private final boolean finalEol;

    SourceLines(String content) {
        this.content = content;
        this.lines = TextLines.split(content);
        this.eol = content.contains("\r\n") ? "\r\n" : "\n";
        this.finalEol = content.endsWith("\n");
    }

    String content() {
        return content;
    }

    List<String> lines() {
        return lines;
    }

    int size() {
        return lines.size();
    }

    String get(int i) {
        return lines.get(i);
    }

    String eol() {
        return eol;
    }

    /** Lines {@code [from, to)}, each with its line end (the last line of the output only if it had one). */
    String text(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) appendLine(b, i, lines.get(i));
        return b.toString();
    }

    /** Appends {@code line} (line {@code i} of the output, possibly rewritten) with the line end line {@code i} had. */
    void appendLine(StringBuilder b, int i, String line) {
        b.append(line);
        if (i < lines.size() - 1 || finalEol) b.append(eol);
    }

    /** Index of the first non-blank line at or after {@code from}, or {@link #size()}. */
    int nextNonBlank(int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) i++;
        return i;
    }
}
