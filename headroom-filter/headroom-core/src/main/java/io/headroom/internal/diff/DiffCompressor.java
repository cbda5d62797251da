package io.headroom.internal.diff;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.internal.content.TextLines;
import io.headroom.internal.relevance.Bm25;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Unified diffs ({@code git diff}, {@code diff -u}): keeps every file header, hunk header and changed line,
 * and {@value #CONTEXT} context line either side of a change; a longer run of unchanged lines becomes the
 * note {@code @@ ... N unchanged lines ... @@}. Hunk headers are kept as written, never recomputed, so
 * every line number shown is the diff's own.
 *
 * <p>In a large diff (more than {@value #LARGE_DIFF_CHANGED} changed lines) the files the query names keep
 * all their changes while every other file keeps its first {@value #MAX_CHANGED_PER_FILE} changed lines and
 * a count of the rest; lock files and other generated files get that cap in any diff. The retrieval marker
 * goes last. Thread-safe.
 */
public final class DiffCompressor implements ContentCompressor {
    static final int CONTEXT = 1;
    static final int LARGE_DIFF_CHANGED = 400;
    static final int MAX_CHANGED_PER_FILE = 40;
    private static final String[] GENERATED = {".lock", "package-lock.json", "-lock.yaml", "-lock.json", ".min.js",
            ".min.css", ".snap", ".pb.go", "_pb2.py", ".svg"};

    @Override
    public Compressed compress(String content, CompressionContext context) {
        if (content == null) return Compressed.unchanged(null);
        List<String> lines = TextLines.split(content);
        List<FileDiff> files = parse(lines);
        int changed = 0;
        for (FileDiff f : files) changed += f.changedLines;
        if (changed == 0) return Compressed.unchanged(content);
        Set<String> queryTerms = new HashSet<>(Bm25.tokenize(context == null ? null : context.query()));
        StringBuilder sb = new StringBuilder();
        int[] kept = {0};
        for (FileDiff f : files) {
            boolean capped = (changed > LARGE_DIFF_CHANGED && !mentions(queryTerms, f.path))
                    || (isGenerated(f.path) && f.changedLines > MAX_CHANGED_PER_FILE);
            render(f, lines, capped ? MAX_CHANGED_PER_FILE : Integer.MAX_VALUE, sb, kept);
        }
        String marker = context == null ? "" : context.marker(lines.size(), kept[0], "lines");
        if (marker.isEmpty()) {
            if (sb.length() > 0) sb.setLength(sb.length() - 1);
        } else {
            sb.append(marker);
        }
        String out = sb.toString();
        if (out.length() >= content.length()) return Compressed.unchanged(content);
        return new Compressed(true, out, lines.size(), kept[0]);
    }

    /** One file's part of the diff: header lines, then hunks, as line index ranges into the input. */
    static final class FileDiff {
        final List<Integer> header = new ArrayList<>();
        final List<int[]> hunks = new ArrayList<>(); // {headerIndex, bodyStart, bodyEnd}
        String path = "";
        int changedLines;
    }

    /** Splits the diff into files and hunks; a hunk ends when its header's line counts are used up. */
    static List<FileDiff> parse(List<String> lines) {
        List<FileDiff> files = new ArrayList<>();
        FileDiff current = null;
        int i = 0;
        int n = lines.size();
        while (i < n) {
            String line = lines.get(i);
            boolean newFile = line.startsWith("diff --git ") || line.startsWith("diff -")
                    || (line.startsWith("--- ") && i + 1 < n && lines.get(i + 1).startsWith("+++ ")
                    && (current == null || !current.hunks.isEmpty()));
            if (newFile || current == null) {
                current = new FileDiff();
                files.add(current);
            }
            if (line.startsWith("@@ -")) {
                int end = hunkEnd(lines, i);
                for (int k = i + 1; k < end; k++) {
                    char c = lines.get(k).isEmpty() ? ' ' : lines.get(k).charAt(0);
                    if (c == '+' || c == '-') current.changedLines++;
                }
                current.hunks.add(new int[] {i, i + 1, end});
                i = end;
                continue;
            }
            current.header.add(i);
            if (line.startsWith("diff --git ")) {
                int b = line.lastIndexOf(" b/");
                current.path = b > 0 ? line.substring(b + 3) : line.substring(11);
            } else if (line.startsWith("+++ ")) {
                String p = line.substring(4).strip();
                int tab = p.indexOf('\t');
                if (tab > 0) p = p.substring(0, tab);
                current.path = p.startsWith("b/") ? p.substring(2) : p;
            }
            i++;
        }
        return files;
    }

    /** Index after the hunk starting at {@code header}: by its counts when they parse, else by line shape. */
    private static int hunkEnd(List<String> lines, int header) {
        int[] counts = counts(lines.get(header));
        int oldLeft = counts == null ? -1 : counts[0];
        int newLeft = counts == null ? -1 : counts[1];
        int k = header + 1;
        while (k < lines.size()) {
            String l = lines.get(k);
            if (counts != null && oldLeft <= 0 && newLeft <= 0) {
                if (l.startsWith("\\")) {
                    k++; // "\ No newline at end of file" belongs to the hunk
                    continue;
                }
                break;
            }
            char c = l.isEmpty() ? ' ' : l.charAt(0); // some tools strip the space of an empty context line
            if (c == ' ') {
                oldLeft--;
                newLeft--;
            } else if (c == '-') {
                oldLeft--;
            } else if (c == '+') {
                newLeft--;
            } else if (c != '\\') {
                break;
            }
            if (counts == null && (l.startsWith("@@ -") || l.startsWith("diff "))) break;
            k++;
        }
        return k;
    }

    /** {old count, new count} of {@code @@ -a[,b] +c[,d] @@}, or null when it does not parse. */
    static int[] counts(String header) {
        try {
            int plus = header.indexOf(" +", 4);
            int close = header.indexOf(" @@", 4);
            if (plus < 0 || close < plus) return null;
            return new int[] {count(header.substring(4, plus)), count(header.substring(plus + 2, close))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int count(String range) {
        int comma = range.indexOf(',');
        if (comma < 0) {
            Integer.parseInt(range); // validates
            return 1;
        }
        Integer.parseInt(range.substring(0, comma));
        return Integer.parseInt(range.substring(comma + 1));
    }

    private static void render(FileDiff f, List<String> lines, int maxChanged, StringBuilder sb, int[] kept) {
        for (int h : f.header) {
            sb.append(lines.get(h)).append('\n');
            kept[0]++;
        }
        int shown = 0;
        int omittedAdded = 0;
        int omittedRemoved = 0;
        int omittedHunks = 0;
        for (int[] hunk : f.hunks) {
            if (shown >= maxChanged) {
                omittedHunks++;
                for (int k = hunk[1]; k < hunk[2]; k++) {
                    String l = lines.get(k);
                    if (l.startsWith("+")) omittedAdded++;
                    else if (l.startsWith("-")) omittedRemoved++;
                }
                continue;
            }
            sb.append(lines.get(hunk[0])).append('\n');
            kept[0]++;
            shown += renderHunk(lines, hunk[1], hunk[2], maxChanged - shown, sb, kept);
        }
        if (shown >= maxChanged && omittedHunks > 0) {
            sb.append(String.format(Locale.ROOT, "@@ ... %d more hunks (+%,d -%,d lines) in %s omitted ... @@",
                    omittedHunks, omittedAdded, omittedRemoved, f.path.isEmpty() ? "this file" : f.path)).append('\n');
        }
    }

    /** Writes one hunk body; returns how many changed lines it showed (at most {@code budget}). */
    private static int renderHunk(List<String> lines, int from, int to, int budget, StringBuilder sb, int[] kept) {
        boolean[] keep = new boolean[to - from];
        int shown = 0;
        int cut = to; // where the budget ran out: the rest of the hunk is summarised
        for (int k = from; k < to; k++) {
            if (lines.get(k).startsWith("\\")) keep[k - from] = true; // "\ No newline at end of file"
            if (!isChange(lines.get(k))) continue;
            if (shown >= budget) {
                cut = k;
                break;
            }
            shown++;
            for (int c = Math.max(from, k - CONTEXT); c <= Math.min(to - 1, k + CONTEXT); c++) keep[c - from] = true;
        }
        int k = from;
        while (k < cut) {
            if (keep[k - from]) {
                sb.append(lines.get(k)).append('\n');
                kept[0]++;
                k++;
                continue;
            }
            int run = k;
            while (run < cut && !keep[run - from]) run++;
            if (run - k <= 2) {
                for (int c = k; c < run; c++) sb.append(lines.get(c)).append('\n'); // a note would cost as much
                kept[0] += run - k;
            } else {
                sb.append("@@ ... ").append(run - k).append(" unchanged lines ... @@\n");
            }
            k = run;
        }
        if (cut < to) {
            int added = 0;
            int removed = 0;
            for (int c = cut; c < to; c++) {
                if (lines.get(c).startsWith("+")) added++;
                else if (lines.get(c).startsWith("-")) removed++;
            }
            sb.append(String.format(Locale.ROOT, "@@ ... %d more lines of this hunk (+%,d -%,d) omitted ... @@", to - cut, added, removed))
                    .append('\n');
        }
        return shown;
    }

    private static boolean isChange(String line) {
        return line.startsWith("+") || line.startsWith("-");
    }

    private static boolean mentions(Set<String> queryTerms, String path) {
        if (queryTerms.isEmpty()) return false;
        for (String t : Bm25.tokenize(path)) {
            if (queryTerms.contains(t)) return true;
        }
        return false;
    }

    private static boolean isGenerated(String path) {
        for (String g : GENERATED) {
            if (path.endsWith(g)) return true;
        }
        return false;
    }
}
