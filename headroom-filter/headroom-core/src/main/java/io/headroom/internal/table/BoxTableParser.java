package io.headroom.internal.table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Box-drawn tables as mysql, tabulate and psql's unicode mode print them: border lines of {@code +---+} or
 * {@code ┌───┬───┐} and rows between {@code |} / {@code │}. The first row is the header when a border follows it;
 * grid styles with a border under every row are kept that way (a kept row keeps the border under it).
 */
final class BoxTableParser {
    static final int MAX_LEADING_LINES = 5;
    /** Characters where a border line meets a column separator. */
    static final String JUNCTIONS = "+┌┬┐├┼┤└┴┘╞╪╡╒╤╕╘╧╛╔╦╗╠╬╣╚╩╝┏┳┓┣╋┫┗┻┛╟╫╢╓╥╖╙╨╜";
    static final String HORIZONTALS = "-=─═━:";
    static final String VERTICALS = "|│║┃";

    private BoxTableParser() {
    }

    static ParsedTable parse(SourceLines src) {
        return parse(src, true);
    }

    /** @param closed whether the table must end with a border (false: {@code src} may be cut inside the table) */
    static ParsedTable parse(SourceLines src, boolean closed) {
        int start = -1;
        for (int i = 0; i < Math.min(src.size(), MAX_LEADING_LINES + 1); i++) {
            if (isBorder(src.get(i))) {
                start = i;
                break;
            }
        }
        if (start < 0) return null;
        List<LineCells> lines = new ArrayList<>();
        List<Boolean> borders = new ArrayList<>();
        int end = start;
        for (; end < src.size(); end++) {
            String line = src.get(end);
            boolean border = isBorder(line);
            if (!border && !isRow(line)) break;
            int[] seps = LineCells.separatorsOf(line, border ? JUNCTIONS : VERTICALS);
            lines.add(new LineCells(line, seps, true));
            borders.add(border);
        }
        int n = lines.size();
        if (n < 3 || (closed && !borders.get(n - 1))) return null;
        int columns = lines.get(0).cellCount();
        if (columns < 2) return null;
        for (LineCells l : lines) {
            if (l.cellCount() != columns) return null;
        }
        // header: the first row line, when a border comes right under it and more rows follow
        boolean hasHeader = n > 4 && !borders.get(1) && borders.get(2) && !borders.get(3);
        int headerLine = hasHeader ? 1 : -1;
        List<Integer> rowLineIndex = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (borders.get(i) || i == headerLine) continue;
            rowLineIndex.add(i);
            rows.add(lines.get(i).cells());
        }
        if (rows.isEmpty()) return null;
        List<String> names = hasHeader ? lines.get(1).cells() : ColumnNames.generic(columns);
        int first = start;
        ParsedTable.Writer writer = (kept, dropped) -> {
            BitSet keptLines = new BitSet(n);
            for (int r = kept.nextSetBit(0); r >= 0; r = kept.nextSetBit(r + 1)) keptLines.set(rowLineIndex.get(r));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                boolean emit = borders.get(i)
                        ? i == 0 || i == n - 1 || i - 1 == headerLine || keptLines.get(i - 1)
                        : i == headerLine || keptLines.get(i);
                if (emit) src.appendLine(b, first + i, lines.get(i).without(dropped));
            }
            return b.toString();
        };
        return new ParsedTable(TableFormat.BOX, src.text(0, first), names, rows, src.text(start + n, src.size()), writer);
    }

    /** Only junctions and horizontals (spaces around allowed), starting with a junction. */
    static boolean isBorder(String line) {
        String t = line.strip();
        if (t.length() < 3 || JUNCTIONS.indexOf(t.charAt(0)) < 0 || JUNCTIONS.indexOf(t.charAt(t.length() - 1)) < 0) {
            return false;
        }
        boolean horizontal = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (HORIZONTALS.indexOf(c) >= 0) {
                horizontal = true;
            } else if (JUNCTIONS.indexOf(c) < 0) {
                return false;
            }
        }
        return horizontal;
    }

    static boolean isRow(String line) {
        String t = line.strip();
        return t.length() >= 2 && VERTICALS.indexOf(t.charAt(0)) >= 0 && VERTICALS.indexOf(t.charAt(t.length() - 1)) >= 0;
    }
}
