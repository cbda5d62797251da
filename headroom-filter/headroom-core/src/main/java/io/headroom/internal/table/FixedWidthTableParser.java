package io.headroom.internal.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Columns aligned with spaces under a header line: {@code ps aux}, {@code kubectl get pods}, {@code docker ps},
 * {@code df -h}, SQL clients. Column boundaries are the character positions that are a space in the header and in
 * every row (so right-aligned numbers and names with a space, {@code CONTAINER ID}, are read right); a boundary
 * is only taken up to the header's last word, so the last column ({@code COMMAND}) may contain spaces. A header
 * word that no row has a value under ({@code df}'s "Mounted on") joins the column before it.
 *
 * <p>Rows are the lines up to the first blank line; up to two trailing lines that break the alignment (a
 * summary) are kept as text after the table. A kept row is written as it was printed; a dropped column is cut
 * out of every line at the same positions, so the rest stays aligned.
 */
final class FixedWidthTableParser {
    static final int MAX_LEADING_LINES = 3;
    static final int MAX_TRAILING_LINES = 2;

    private FixedWidthTableParser() {
    }

    static ParsedTable parse(SourceLines src, int minRows) {
        int header = src.nextNonBlank(0);
        for (int tries = 0; tries <= MAX_LEADING_LINES && header < src.size(); tries++) {
            int end = header;
            while (end < src.size() && !src.get(end).isBlank()) end++;
            for (int trailing = 0; trailing <= MAX_TRAILING_LINES; trailing++) {
                int rowsEnd = end - trailing;
                if (rowsEnd - header - 1 < minRows) break;
                ParsedTable t = tryBlock(src, header, rowsEnd);
                if (t != null) return t;
            }
            header = src.nextNonBlank(header + 1);
        }
        return null;
    }

    private static ParsedTable tryBlock(SourceLines src, int header, int end) {
        String head = src.get(header);
        if (!looksLikeHeader(head)) return null;
        int width = 0;
        for (int i = header; i < end; i++) {
            String line = src.get(i);
            if (line.indexOf('\t') >= 0) return null;
            width = Math.max(width, line.length());
        }
        boolean[] gap = new boolean[width + 1];
        Arrays.fill(gap, true);
        for (int i = header; i < end; i++) {
            String line = src.get(i);
            for (int p = 0; p < line.length(); p++) {
                if (line.charAt(p) != ' ') gap[p] = false;
            }
        }
        int lastWord = lastWordStart(head);
        List<int[]> spans = mergeHeaderOnly(mergeUnnamed(columnSpans(gap, width, lastWord), head), src, header, end);
        if (spans.size() < 2) return null;
        List<String> names = new ArrayList<>();
        for (int[] s : spans) names.add(cell(head, s));
        List<List<String>> rows = new ArrayList<>();
        int sparse = 0;
        for (int i = header + 1; i < end; i++) {
            List<String> cells = new ArrayList<>(spans.size());
            int filled = 0;
            for (int[] s : spans) {
                String c = cell(src.get(i), s);
                if (!c.isEmpty()) filled++;
                cells.add(c);
            }
            if (filled < 2 || cells.get(0).isEmpty()) sparse++;
            rows.add(cells);
        }
        if (sparse * 5 > rows.size()) return null; // more than a fifth of the rows do not fill the columns
        ParsedTable.Writer writer = (kept, dropped) -> {
            StringBuilder b = new StringBuilder();
            src.appendLine(b, header, cut(head, spans, dropped));
            for (int r = kept.nextSetBit(0); r >= 0; r = kept.nextSetBit(r + 1)) {
                src.appendLine(b, header + 1 + r, cut(src.get(header + 1 + r), spans, dropped));
            }
            return b.toString();
        };
        return new ParsedTable(TableFormat.FIXED_WIDTH, src.text(0, header), names, rows, src.text(end, src.size()),
                writer);
    }

    /** Words of letters (a few with digits or {@code %_-/()}) and no value-like tokens: a header, not data or a log. */
    static boolean looksLikeHeader(String line) {
        String[] words = line.strip().split(" +");
        if (words.length < 2) return false;
        for (String w : words) {
            if (!Character.isLetter(w.charAt(w.length() - 1)) && w.charAt(w.length() - 1) != '%'
                    && w.charAt(w.length() - 1) != ')' && w.charAt(w.length() - 1) != '#') {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!Character.isLetterOrDigit(c) && "%_-/()#.".indexOf(c) < 0) return false;
            }
        }
        return true;
    }

    private static int lastWordStart(String head) {
        int p = head.length() - 1;
        while (p > 0 && head.charAt(p) == ' ') p--;
        while (p > 0 && head.charAt(p - 1) != ' ') p--;
        return p;
    }

    /** Runs of non-gap positions; a run starting after the header's last word belongs to the last column. */
    private static List<int[]> columnSpans(boolean[] gap, int width, int lastWord) {
        List<int[]> spans = new ArrayList<>();
        int p = 0;
        while (p < width) {
            while (p < width && gap[p]) p++;
            if (p >= width) break;
            int s = p;
            while (p < width && !gap[p]) p++;
            if (!spans.isEmpty() && s > lastWord) {
                spans.get(spans.size() - 1)[1] = p;
            } else {
                spans.add(new int[] {s, p});
            }
        }
        return spans;
    }

    /** A run with no header word over it is a value overhanging its column: it joins the column before it. */
    private static List<int[]> mergeUnnamed(List<int[]> spans, String head) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : spans) {
            if (!out.isEmpty() && cell(head, s).isEmpty()) {
                out.get(out.size() - 1)[1] = s[1];
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** A header word one space after the previous one with no value under it in any row: one name ("Mounted on"). */
    private static List<int[]> mergeHeaderOnly(List<int[]> spans, SourceLines src, int header, int end) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : spans) {
            if (!out.isEmpty() && s[0] - out.get(out.size() - 1)[1] == 1 && noValues(src, header, end, s)) {
                out.get(out.size() - 1)[1] = s[1];
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean noValues(SourceLines src, int header, int end, int[] span) {
        for (int i = header + 1; i < end; i++) {
            if (!cell(src.get(i), span).isEmpty()) return false;
        }
        return true;
    }

    private static String cell(String line, int[] span) {
        int s = Math.min(span[0], line.length());
        int e = Math.min(span[1], line.length());
        return line.substring(s, e).strip();
    }

    /**
     * {@code line} without the dropped columns: the first column goes with the gap after it, any other with the
     * gap before it, at the same positions in every line.
     */
    private static String cut(String line, List<int[]> spans, BitSet dropped) {
        if (dropped.isEmpty()) return line;
        StringBuilder b = new StringBuilder(line.length());
        int from = 0;
        for (int c = 0; c < spans.size(); c++) {
            if (!dropped.get(c)) continue;
            int cutStart = c == 0 ? 0 : spans.get(c - 1)[1];
            int cutEnd = c == 0 ? (spans.size() > 1 ? spans.get(1)[0] : spans.get(0)[1]) : spans.get(c)[1];
            if (c == spans.size() - 1) cutEnd = Integer.MAX_VALUE; // the last column runs to the end of the line
            cutStart = Math.max(from, Math.min(cutStart, line.length()));
            cutEnd = Math.min(cutEnd, line.length());
            if (cutEnd <= cutStart) continue;
            b.append(line, from, cutStart);
            from = cutEnd;
        }
        if (from < line.length()) b.append(line, from, line.length());
        return b.toString();
    }
}
