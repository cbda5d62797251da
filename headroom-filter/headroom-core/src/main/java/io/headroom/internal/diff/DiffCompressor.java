package io.headroom.internal.diff;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.internal.content.TextLines;
import io.headroom.internal.relevance.Bm25;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Unified diffs ({@code git diff}, {@code diff -u}). Every file header and changed line is kept, with
 * {@value ContextTrimmer#WINDOW} context line either side of a change, re-cut into hunks with exact headers so
 * the result still applies with {@code git apply} ({@link ContextTrimmer}). On top of that:
 * <ul>
 * <li>a hunk that may change behaviour (security-relevant words, a removed check, a changed literal in code:
 * {@link ChangeShape}) is kept whole, with all its context;</li>
 * <li>files whose changes are all mechanical and done the same way in at least {@value #MIN_GROUP} files (the
 * same version bump in every module's manifest, the same rename, the same import reordering) are shown once; the
 * others become one summary line right after it that names every one of them and, where it differs, what it
 * changed ({@code 2.15.2 → 2.17.1});</li>
 * <li>in a large diff (more than {@value #LARGE_DIFF_CHANGED} changed lines) a file the query does not name, and a
 * generated file in any diff, shows its first {@value #MAX_CHANGED_PER_FILE} changed lines and a count of the
 * rest — behaviour-changing hunks are never cut.</li>
 * </ul>
 * Summary and omission notes start with {@code #}, which {@code git apply} skips as commentary between patches;
 * the retrieval marker goes last. Thread-safe.
 */
public final class DiffCompressor implements ContentCompressor {
    static final int LARGE_DIFF_CHANGED = 400;
    static final int MAX_CHANGED_PER_FILE = 40;
    static final int MIN_GROUP = 3;
    private static final String NOTE = "# headroom: ";
    private static final String[] GENERATED = {".lock", "package-lock.json", "-lock.yaml", "-lock.json", ".min.js",
            ".min.css", ".snap", ".pb.go", "_pb2.py", ".svg"};

    @Override
    public Compressed compress(String content, CompressionContext context) {
        if (content == null) return Compressed.unchanged(null);
        List<String> lines = TextLines.split(content);
        List<FilePatch> files = UnifiedDiffParser.parse(lines);
        int changed = 0;
        for (FilePatch f : files) changed += f.changedLines();
        if (changed == 0) return Compressed.unchanged(content);
        Set<String> queryTerms = new HashSet<>(Bm25.tokenize(context == null ? null : context.query()));
        Map<FilePatch, List<FilePatch>> groups = MechanicalGroups.of(files);
        Set<FilePatch> summarised = new HashSet<>();
        for (List<FilePatch> members : groups.values()) summarised.addAll(members);

        Output out = new Output();
        for (FilePatch f : files) {
            if (summarised.contains(f)) continue;
            boolean capped = (changed > LARGE_DIFF_CHANGED && !mentions(queryTerms, f.path))
                    || (isGenerated(f.path) && f.changedLines() > MAX_CHANGED_PER_FILE);
            render(f, capped ? MAX_CHANGED_PER_FILE : Integer.MAX_VALUE, out);
            List<FilePatch> same = groups.get(f);
            if (same != null) out.note(MechanicalGroups.summary(f, same));
        }
        String marker = context == null ? "" : context.marker(lines.size(), out.kept, "lines");
        StringBuilder sb = out.text;
        if (marker.isEmpty()) {
            if (sb.length() > 0) sb.setLength(sb.length() - 1);
        } else {
            sb.append(marker);
        }
        String result = sb.toString();
        if (result.length() >= content.length()) return Compressed.unchanged(content);
        return new Compressed(true, result, lines.size(), out.kept);
    }

    /** The text being written and how many of the input's lines it holds. */
    private static final class Output {
        final StringBuilder text = new StringBuilder();
        int kept;

        void line(String l) {
            text.append(l).append('\n');
            kept++;
        }

        void note(String n) {
            text.append(NOTE).append(n).append('\n');
        }
    }

    private static void render(FilePatch f, int maxChanged, Output out) {
        for (String h : f.header) out.line(h);
        int shown = 0;
        int omittedHunks = 0;
        int omittedAdded = 0;
        int omittedRemoved = 0;
        for (Hunk hunk : f.hunks) {
            ChangeShape shape = ChangeShape.of(f.path, hunk);
            if (shape.kind() == ChangeShape.Kind.BEHAVIOUR) {
                out.line(hunk.header()); // whole, with every context line: the reviewer needs its surroundings
                for (String l : hunk.body()) out.line(l);
                continue;
            }
            if (shown >= maxChanged) {
                omittedHunks++;
                for (String l : hunk.body()) {
                    if (l.startsWith("+")) omittedAdded++;
                    else if (l.startsWith("-")) omittedRemoved++;
                }
                continue;
            }
            shown += renderTrimmed(f, hunk, maxChanged - shown, out);
        }
        if (omittedHunks > 0) {
            out.note(String.format(Locale.ROOT, "%d more hunks (+%,d -%,d lines) in %s omitted", omittedHunks,
                    omittedAdded, omittedRemoved, f.path.isEmpty() ? "this file" : f.path));
        }
    }

    /** Writes the hunk's trimmed sub-hunks; returns how many changed lines it showed (at most {@code budget}). */
    private static int renderTrimmed(FilePatch f, Hunk hunk, int budget, Output out) {
        List<SubHunk> parts = ContextTrimmer.trim(hunk);
        boolean asWritten = parts.size() == 1 && parts.get(0).lines().size() == hunk.body().size();
        if (asWritten && hunk.changedLines() <= budget) { // nothing to trim: the header stays as written
            out.line(hunk.header());
            for (String l : hunk.body()) out.line(l);
            return hunk.changedLines();
        }
        int shown = 0;
        for (int p = 0; p < parts.size(); p++) {
            SubHunk part = parts.get(p);
            int changes = 0;
            int cut = part.lines().size();
            for (int k = 0; k < part.lines().size(); k++) {
                if (!Hunk.isChange(part.lines().get(k))) continue;
                if (shown + changes >= budget) {
                    cut = k;
                    break;
                }
                changes++;
            }
            if (cut < part.lines().size()) {
                if (cut > 0) writePart(hunk, part.prefix(cut), out);
                omittedRest(f, parts, p, cut, out);
                return shown + changes;
            }
            writePart(hunk, part, out);
            shown += changes;
        }
        return shown;
    }

    private static void writePart(Hunk hunk, SubHunk part, Output out) {
        out.line(hunk.numbered() ? part.header() : hunk.header());
        for (String l : part.lines()) out.line(l);
    }

    private static void omittedRest(FilePatch f, List<SubHunk> parts, int from, int cut, Output out) {
        int added = 0;
        int removed = 0;
        int lines = 0;
        for (int p = from; p < parts.size(); p++) {
            List<String> body = parts.get(p).lines();
            for (int k = p == from ? cut : 0; k < body.size(); k++) {
                lines++;
                if (body.get(k).startsWith("+")) added++;
                else if (body.get(k).startsWith("-")) removed++;
            }
        }
        out.note(String.format(Locale.ROOT, "%d more lines of this hunk of %s (+%,d -%,d) omitted", lines,
                f.path.isEmpty() ? "this file" : f.path, added, removed));
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
