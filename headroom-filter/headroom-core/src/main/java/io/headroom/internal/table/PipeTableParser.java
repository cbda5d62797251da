package io.headroom.internal.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown pipe tables ({@code | a | b |} over {@code |---|---|}) and psql's aligned output ({@code  a | b } over
 * {@code ---+---}): the rule line under the header identifies them; rows run while lines have the header's
 * number of cells. Anything else before or after (a title, psql's {@code (900 rows)}) is kept as it was.
 */
final class PipeTableParser {
    /** How far down the output the header may start (a title, a prompt, a blank line before it). */
    static final int MAX_LEADING_LINES = 5;

    private PipeTableParser() {
    }

    static ParsedTable parse(SourceLines src) {
        int limit = Math.min(src.size() - 1, MAX_LEADING_LINES + 1);
        for (int r = 1; r <= limit; r++) {
            ParsedTable t = tryRule(src, r);
            if (t != null) return t;
        }
        return null;
    }

    private static ParsedTable tryRule(SourceLines src, int r) {
        String rule = src.get(r);
        boolean markdown = isMarkdownRule(rule);
        if (!markdown && !isPsqlRule(rule)) return null;
        String headerText = src.get(r - 1);
        boolean outer = markdown && headerText.strip().startsWith("|");
        LineCells header = cells(headerText, "|", outer);
        LineCells ruleCells = cells(rule, markdown ? "|" : "+", outer);
        int columns = header.cellCount();
        if (columns < 2 || ruleCells.cellCount() != columns) return null;
        List<LineCells> rowLines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int end = r + 1;
        for (; end < src.size(); end++) {
            String line = src.get(end);
            if (line.isBlank() || (outer && !line.strip().startsWith("|"))) break;
            LineCells row = cells(line, "|", outer);
            if (row.cellCount() != columns) break;
            rowLines.add(row);
            rows.add(row.cells());
        }
        if (rows.isEmpty()) return null;
        int first = r - 1;
        int tableEnd = end;
        ParsedTable.Writer writer = (kept, dropped) -> {
            StringBuilder b = new StringBuilder();
            src.appendLine(b, first, header.without(dropped));
            src.appendLine(b, r, ruleCells.without(dropped));
            for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
                src.appendLine(b, r + 1 + i, rowLines.get(i).without(dropped));
            }
            return b.toString();
        };
        return new ParsedTable(markdown ? TableFormat.MARKDOWN : TableFormat.PSQL, src.text(0, first),
                header.cells(), rows, src.text(tableEnd, src.size()), writer);
    }

    private static LineCells cells(String line, String seps, boolean outer) {
        int[] at = LineCells.separatorsOf(line, seps);
        if (outer && (at.length < 2 || !line.substring(0, at[0]).isBlank()
                || !line.substring(at[at.length - 1] + 1).isBlank())) {
            return new LineCells(line, new int[0], false); // one cell: never matches a multi-column header
        }
        return new LineCells(line, at, outer);
    }

    /** {@code |---|:---:|}, {@code ---|---}: only pipes, dashes, colons and spaces, at least one pipe and dash run. */
    static boolean isMarkdownRule(String line) {
        String t = line.strip();
        if (t.indexOf('|') < 0 || !t.contains("---")) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
        }
        return true;
    }

    /** {@code ----+------}: dashes and pluses only, starting with a dash. */
    static boolean isPsqlRule(String line) {
        String t = line.strip();
        if (t.length() < 5 || t.charAt(0) != '-' || t.indexOf('+') < 0) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '-' && c != '+') return false;
        }
        return !line.startsWith("--- ") && !line.startsWith("+++"); // never a diff header
    }
}
