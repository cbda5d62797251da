package io.headroom.internal.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a unified diff ({@code git diff}, {@code diff -u}) into files and hunks. A hunk ends when its header's
 * line counts are used up (so a removed line that reads {@code --- x} is not taken for a file header); a header
 * whose counts do not parse ends at the first line that is not a diff line. Lines before the first file header
 * form a file patch without a path, so nothing is lost.
 */
final class UnifiedDiffParser {
    private UnifiedDiffParser() {
    }

    static List<FilePatch> parse(List<String> lines) {
        List<FilePatch> files = new ArrayList<>();
        FilePatch current = null;
        int i = 0;
        int n = lines.size();
        while (i < n) {
            String line = lines.get(i);
            boolean newFile = line.startsWith("diff --git ") || line.startsWith("diff -")
                    || (line.startsWith("--- ") && i + 1 < n && lines.get(i + 1).startsWith("+++ ")
                    && (current == null || !current.hunks.isEmpty()));
            if (newFile || current == null) {
                current = new FilePatch();
                files.add(current);
            }
            if (line.startsWith("@@ -")) {
                int end = hunkEnd(lines, i);
                current.hunks.add(hunk(line, lines.subList(i + 1, end)));
                i = end;
                continue;
            }
            current.header.add(line);
            readPath(current, line);
            i++;
        }
        return files;
    }

    private static void readPath(FilePatch f, String line) {
        if (line.startsWith("diff --git ")) {
            int b = line.lastIndexOf(" b/");
            f.path = b > 0 ? line.substring(b + 3) : line.substring(11);
            int a = line.indexOf("a/", 11);
            if (a > 0 && b > a) f.oldPath = line.substring(a + 2, b);
        } else if (line.startsWith("rename from ")) {
            f.oldPath = line.substring(12);
        } else if (line.startsWith("rename to ")) {
            f.path = line.substring(10);
        } else if (line.startsWith("+++ ") || line.startsWith("--- ")) {
            String p = line.substring(4).strip();
            int tab = p.indexOf('\t');
            if (tab > 0) p = p.substring(0, tab);
            if (p.equals("/dev/null")) return;
            boolean post = line.startsWith("+++ ");
            String stripped = p.startsWith(post ? "b/" : "a/") ? p.substring(2) : p;
            if (post) f.path = stripped;
            else f.oldPath = stripped;
        }
    }

    private static Hunk hunk(String header, List<String> body) {
        int[] starts = starts(header);
        int close = header.indexOf(" @@", 4);
        String section = close < 0 ? "" : header.substring(close + 3);
        return new Hunk(header, starts == null ? -1 : starts[0], starts == null ? -1 : starts[1], section, body);
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
            char c = l.isEmpty() ? ' ' : l.charAt(0);
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
        int[] r = ranges(header);
        return r == null ? null : new int[] {r[1], r[3]};
    }

    /** {old start, new start}, or null when the header does not parse. */
    static int[] starts(String header) {
        int[] r = ranges(header);
        return r == null ? null : new int[] {r[0], r[2]};
    }

    private static int[] ranges(String header) {
        if (!header.startsWith("@@ -")) return null;
        int plus = header.indexOf(" +", 4);
        int close = header.indexOf(" @@", 4);
        if (plus < 0 || close < plus) return null;
        try {
            int[] old = range(header.substring(4, plus));
            int[] neu = range(header.substring(plus + 2, close));
            return new int[] {old[0], old[1], neu[0], neu[1]};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int[] range(String range) {
        int comma = range.indexOf(',');
        if (comma < 0) return new int[] {Integer.parseInt(range), 1};
        return new int[] {Integer.parseInt(range.substring(0, comma)), Integer.parseInt(range.substring(comma + 1))};
    }
}
