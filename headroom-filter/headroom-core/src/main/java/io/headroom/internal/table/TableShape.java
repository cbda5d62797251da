package io.headroom.internal.table;

import io.headroom.internal.logs.LogSignals;
import io.headroom.internal.search.GrepLine;
import java.util.List;

/**
 * Whether a tool output is a table, for the content detector: a scan over the lines it samples, parsing only
 * the first {@value #HEAD_LINES} of them and only when they already look drawn, delimited or aligned.
 *
 * <p>A table must cover most of what it is in (a markdown document with one small table stays text) and have at
 * least {@value TableParsers#MIN_ROWS} rows (a three-line table is not worth it). Near-misses stay what they
 * were: JSON lines, log lines (a Python log's {@code 10:00:00,123} is one comma per line), grep results, code
 * and prose with commas.
 */
public final class TableShape {
    static final int HEAD_LINES = 60;
    /** Share of the head's non-blank lines a drawn or aligned table must be. */
    static final double COVER_SHARE = 0.6;
    /** Share of the sampled lines split the same way by the delimiter, across the whole output. */
    static final double DELIMITED_SHARE = 0.6;
    /** More lines than this share that read as log, grep, code, JSON or prose lines: not a table. */
    static final double NEAR_MISS_SHARE = 0.3;
    static final int MAX_MEAN_FIELD_CHARS = 40;

    private TableShape() {
    }

    /** @param lines the detector's sample of the output's lines (head first, in order) */
    public static boolean isTable(List<String> lines) {
        int nonBlank = nonBlank(lines);
        if (nonBlank < TableParsers.MIN_ROWS + 1) return false;
        List<String> head = lines.subList(0, Math.min(lines.size(), HEAD_LINES));
        if (share(head, TableShape::startsLikeJsonOrTuple) >= NEAR_MISS_SHARE) return false;
        SourceLines src = new SourceLines(String.join("\n", head));
        ParsedTable drawn = BoxTableParser.parse(src, false); // the head may end before the bottom border
        if (drawn == null) drawn = PipeTableParser.parse(src);
        if (covers(drawn, head)) return true;
        if (startsWithLogOrGrepLine(head) || share(head, l -> GrepLine.parse(l) != null) >= NEAR_MISS_SHARE) return false;
        if (share(head, TableShape::looksLikeCode) >= NEAR_MISS_SHARE) return false;
        if (isDelimited(lines, head)) return true;
        return covers(FixedWidthTableParser.parse(src, TableParsers.MIN_ROWS), head);
    }

    private static boolean covers(ParsedTable t, List<String> head) {
        return t != null && t.rows().size() >= TableParsers.MIN_ROWS
                && t.rows().size() + 2 >= COVER_SHARE * nonBlank(head);
    }

    private static boolean isDelimited(List<String> lines, List<String> head) {
        char d = DelimiterProbe.choose(head, DelimitedTableParser.PROBE_LINES);
        if (d == 0) return false;
        int fields = DelimiterProbe.modal(DelimiterProbe.recordCounts(head, DelimitedTableParser.PROBE_LINES, d));
        List<Integer> all = DelimiterProbe.recordCounts(lines, Integer.MAX_VALUE, d);
        if (DelimiterProbe.share(all, fields) < DELIMITED_SHARE) return false;
        if (share(head, TableShape::endsLikeSentence) >= NEAR_MISS_SHARE) return false;
        long chars = 0;
        int counted = 0;
        for (String l : head) {
            if (l.isBlank()) continue;
            chars += l.length();
            counted++;
        }
        return counted > 0 && (double) chars / counted / (fields + 1) <= MAX_MEAN_FIELD_CHARS;
    }

    private static boolean startsLikeJsonOrTuple(String line) {
        String t = line.strip();
        return !t.isEmpty() && (t.charAt(0) == '{' || t.charAt(0) == '[' || t.charAt(0) == '(');
    }

    /** A table starts with its header or a title; a log or grep output starts with a log or grep line. */
    private static boolean startsWithLogOrGrepLine(List<String> head) {
        for (String l : head) {
            if (!l.isBlank()) return LogSignals.isLogLine(l) || GrepLine.parse(l) != null;
        }
        return false;
    }

    /** Statement ends, block openers and closers, comments. */
    private static boolean looksLikeCode(String line) {
        String t = line.strip();
        if (t.isEmpty()) return false;
        char last = t.charAt(t.length() - 1);
        return last == ';' || last == '{' || t.charAt(0) == '}' || t.startsWith("//") || t.startsWith("/*")
                || t.startsWith("import ") || t.startsWith("def ") || t.startsWith("#include");
    }

    private static boolean endsLikeSentence(String line) {
        String t = line.strip();
        if (t.length() < 2) return false;
        char last = t.charAt(t.length() - 1);
        return (last == '.' || last == '!' || last == '?' || last == ':') && t.indexOf(' ') > 0;
    }

    private static double share(List<String> lines, java.util.function.Predicate<String> test) {
        int n = 0;
        int hit = 0;
        for (String l : lines) {
            if (l.isBlank()) continue;
            n++;
            if (test.test(l)) hit++;
        }
        return n == 0 ? 0 : (double) hit / n;
    }

    private static int nonBlank(List<String> lines) {
        int n = 0;
        for (String l : lines) {
            if (!l.isBlank()) n++;
        }
        return n;
    }
}
