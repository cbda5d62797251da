package io.headroom.internal.logs;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.internal.content.TextLines;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Build and test output (pytest, Maven, Gradle, npm, cargo, JUnit, application logs): keeps what a reader
 * looks for when something broke and drops the rest, see the seed's text-and-logs.md.
 *
 * <p>Kept: errors and failures (with a line of context either side when it is not routine output shaped like
 * many other lines), warnings (an identical warning at most {@value #MAX_REPEATS} times), stack traces as
 * header, first project frame, last frame, {@code Caused by} chain and {@code ... N more} (JDK, reflection,
 * test-runner and build-tool frames become a count), assertion lines, failure report sections (pytest
 * {@code FAILURES} / {@code ERRORS}, bounded), summaries and titled section headers, and the first and last
 * lines unless they are build chrome. Successful per-class results, reactor SUCCESS rows, up-to-date tasks and
 * downloads are counted, not shown. Every run of dropped lines becomes one note with a count and what the lines
 * were, e.g. {@code ... 1,498 similar lines (PASSED) omitted ...}; a run of blank lines and build-tool
 * boilerplate (mojo headers, rules, help footers) needs none. The retrieval marker goes last. Thread-safe.
 */
public final class LogCompressor implements ContentCompressor {
    static final int MIN_LINES = 12;
    static final int HEAD_LINES = 5;
    static final int TAIL_LINES = 5;
    static final int MAX_REPEATS = 3;
    /** Lines of one failure report section kept verbatim; important lines beyond it are still kept. */
    static final int MAX_SECTION_LINES = 300;
    /** Lines kept at the top and the bottom of each segment of a Python traceback. */
    static final int PY_TRACE_HEAD_LINES = 3;
    static final int PY_TRACE_TAIL_LINES = 8;
    /** Message lines (not frames) kept per segment of a Java / JS stack trace. */
    static final int MAX_MESSAGE_LINES = 8;

    @Override
    public Compressed compress(String content, CompressionContext context) {
        if (content == null) return Compressed.unchanged(null);
        List<String> lines = TextLines.split(content);
        int n = lines.size();
        if (n < MIN_LINES) return Compressed.unchanged(content);
        Map<String, Integer> shapes = shapeCounts(lines);
        boolean[] keep = new boolean[n];
        markEnds(lines, keep);
        markImportant(lines, shapes, keep);
        markFailureSections(lines, keep);
        markStackTraces(lines, keep);
        String out = render(lines, keep, context);
        if (out.length() >= content.length()) return Compressed.unchanged(content);
        return new Compressed(true, out, n, count(keep));
    }

    private static Map<String, Integer> shapeCounts(List<String> lines) {
        Map<String, Integer> shapes = new HashMap<>();
        for (String line : lines) shapes.merge(LogSignals.shape(line), 1, Integer::sum);
        return shapes;
    }

    /** The first and last lines say what ran and how it ended; banners, rules and progress do not. */
    private static void markEnds(List<String> lines, boolean[] keep) {
        int n = lines.size();
        for (int i = 0; i < Math.min(HEAD_LINES, n); i++) {
            if (!isNoise(lines.get(i))) keep[i] = true;
        }
        for (int i = Math.max(0, n - TAIL_LINES); i < n; i++) {
            if (!isNoise(lines.get(i))) keep[i] = true;
        }
    }

    private static boolean isNoise(String line) {
        return line.isBlank() || LogSignals.isBoilerplate(line) || LogSignals.repetitiveKind(line) != null;
    }

    private static boolean isDistinct(String line, Map<String, Integer> shapes) {
        return shapes.getOrDefault(LogSignals.shape(line), 0) == 1;
    }

    /** Errors (plus context), warnings, summaries and headers; identical ones only a few times. */
    private static void markImportant(List<String> lines, Map<String, Integer> shapes, boolean[] keep) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || LogSignals.isBoilerplate(line)) continue;
            if (LogSignals.isSummary(line) || LogSignals.isSectionHeader(line)) {
                keep[i] = true;
                continue;
            }
            LogSignals.Severity severity = LogSignals.severity(line);
            if (severity == LogSignals.Severity.NONE) continue;
            // the same warning printed 500 times (numbers aside) tells nothing new after the first few
            if (seen.merge(TextLines.normalizeNumbers(line.strip()), 1, Integer::sum) > MAX_REPEATS) continue;
            keep[i] = true;
            if (severity == LogSignals.Severity.ERROR) {
                keepIfInformative(lines, shapes, keep, i - 1);
                keepIfInformative(lines, shapes, keep, i + 1);
            }
        }
    }

    /** A context line is worth its tokens only if it is not routine output shaped like many other lines. */
    private static void keepIfInformative(List<String> lines, Map<String, Integer> shapes, boolean[] keep, int i) {
        if (i < 0 || i >= lines.size()) return;
        String line = lines.get(i);
        // frames are the stack trace pass's to choose
        if (!isNoise(line) && !LogSignals.isStackFrame(line) && isDistinct(line, shapes)) keep[i] = true;
    }

    /**
     * pytest's {@code ==== FAILURES ====} / {@code ==== ERRORS ====} sections are the failure reports
     * themselves (test source, assertion, locals): kept up to the next top-level header, bounded.
     */
    private static void markFailureSections(List<String> lines, boolean[] keep) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (!t.startsWith("===") || !(t.contains(" FAILURES ") || t.contains(" ERRORS "))) continue;
            int kept = 0;
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String s = lines.get(j).strip();
                if (s.startsWith("===") && LogSignals.isSectionHeader(s)) break;
                if (kept++ < MAX_SECTION_LINES) keep[j] = true;
            }
            i = j - 1;
        }
    }

    /**
     * A trace is a start line (exception header or {@code Traceback}) with the frames, causes and
     * indented lines under it, marked segment by segment (the trace, then each {@code Caused by}).
     */
    private static void markStackTraces(List<String> lines, boolean[] keep) {
        int n = lines.size();
        int i = 0;
        while (i < n) {
            String line = lines.get(i);
            boolean start = LogSignals.isTraceStart(line);
            if (!start && !(LogSignals.isStackFrame(line) && !line.strip().startsWith("..."))) {
                i++;
                continue;
            }
            boolean python = line.strip().startsWith("Traceback");
            int end = i + 1;
            while (end < n && inTrace(lines.get(end))) end++;
            // Python ends a traceback with the unindented exception line ("KeyError: 'id'")
            if (python && end < n && !lines.get(end).isBlank()) end++;
            if (!start && i > 0 && !lines.get(i - 1).isBlank()) keep[i - 1] = true; // header printed before the frames
            markTrace(lines, keep, i, end, python);
            i = end;
        }
    }

    private static boolean inTrace(String line) {
        if (line.isBlank()) return false;
        return LogSignals.isStackFrame(line) || Character.isWhitespace(line.charAt(0))
                || line.strip().startsWith("Caused by:");
    }

    private static void markTrace(List<String> lines, boolean[] keep, int from, int to, boolean python) {
        int segmentStart = from;
        for (int i = from; i <= to; i++) {
            boolean boundary = i == to || (i > from && isSegmentHeader(lines.get(i)));
            if (!boundary) continue;
            keep[segmentStart] = true;
            if (python) {
                markPythonSegment(lines, keep, segmentStart + 1, i);
            } else {
                markSegment(lines, keep, segmentStart + 1, i);
            }
            segmentStart = i;
        }
    }

    /** Python prints the most recent call last: its bottom frames matter most. */
    private static void markPythonSegment(List<String> lines, boolean[] keep, int from, int to) {
        for (int k = from; k < to; k++) {
            String s = lines.get(k).strip();
            if (k - from < PY_TRACE_HEAD_LINES || to - k <= PY_TRACE_TAIL_LINES || s.startsWith("...")
                    || LogSignals.severity(s) == LogSignals.Severity.ERROR) {
                keep[k] = true;
            }
        }
    }

    /**
     * Java / Kotlin / JS: the first frame in project code (where it broke), the last frame (what started
     * it) unless it is framework code, {@code ... N more}, and message lines; JDK, reflection, test runner
     * and build tool frames become a count. A trace with no project frame keeps its first and last frames.
     */
    private static void markSegment(List<String> lines, boolean[] keep, int from, int to) {
        int firstProject = -1;
        int firstFrame = -1;
        int lastFrame = -1;
        int messages = 0;
        for (int k = from; k < to; k++) {
            String line = lines.get(k);
            String s = line.strip();
            if (s.startsWith("...")) {
                keep[k] = true;
            } else if (s.startsWith("at ")) {
                if (firstFrame < 0) firstFrame = k;
                lastFrame = k;
                if (firstProject < 0 && !LogSignals.isFrameworkFrame(line)) firstProject = k;
            } else if (messages++ < MAX_MESSAGE_LINES || LogSignals.severity(s) == LogSignals.Severity.ERROR) {
                keep[k] = true; // a multi-line exception message or a nested header
            }
        }
        if (firstFrame < 0) return;
        if (firstProject < 0) {
            keep[firstFrame] = true;
            keep[lastFrame] = true;
            return;
        }
        keep[firstProject] = true;
        if (!LogSignals.isFrameworkFrame(lines.get(lastFrame))) keep[lastFrame] = true;
    }

    private static boolean isSegmentHeader(String line) {
        String t = line.strip();
        return t.startsWith("Caused by:") || t.startsWith("Suppressed:")
                || t.startsWith("During handling of the above exception") || t.startsWith("The above exception was");
    }

    private static String render(List<String> lines, boolean[] keep, CompressionContext context) {
        StringBuilder sb = new StringBuilder();
        int n = lines.size();
        int i = 0;
        while (i < n) {
            if (keep[i]) {
                sb.append(lines.get(i)).append('\n');
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < n && !keep[runEnd]) runEnd++;
            if (runEnd - i == 1) {
                String line = lines.get(i);
                // a lone blank line or rule needs no note; another line costs no more than its note
                if (!line.isBlank() && !LogSignals.isBoilerplate(line)) {
                    sb.append(line).append('\n');
                    keep[i] = true;
                }
            } else if (!allChrome(lines.subList(i, runEnd))) {
                sb.append(note(lines.subList(i, runEnd))).append('\n');
            }
            i = runEnd;
        }
        String marker = context == null ? "" : context.marker(n, count(keep), "lines");
        if (marker.isEmpty()) {
            sb.setLength(sb.length() - 1);
        } else {
            sb.append(marker);
        }
        return sb.toString();
    }

    /** Blank lines, rules and fixed build-tool text only: dropping them needs no note. */
    private static boolean allChrome(List<String> run) {
        for (String line : run) {
            if (!line.isBlank() && !LogSignals.isBoilerplate(line)) return false;
        }
        return true;
    }

    /** {@code ... 1,498 similar lines (PASSED) omitted ...} or, for a mixed run, the three commonest kinds. */
    static String note(List<String> run) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (String line : run) {
            String kind = kind(line);
            if (kind != null) kinds.merge(kind, 1, Integer::sum);
        }
        String count = String.format(Locale.ROOT, "%,d", run.size());
        if (kinds.size() == 1) {
            return "... " + count + " similar lines (" + kinds.keySet().iterator().next() + ") omitted ...";
        }
        StringBuilder sb = new StringBuilder("... ").append(count).append(" lines omitted");
        if (!kinds.isEmpty()) {
            sb.append(" (");
            kinds.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                    .limit(3)
                    .forEach(e -> sb.append(String.format(Locale.ROOT, "%,d", e.getValue())).append(' ').append(e.getKey()).append(", "));
            sb.setLength(sb.length() - 2);
            sb.append(')');
        }
        return sb.append(" ...").toString();
    }

    /** What a dropped line was, for the note; null for blank lines and boilerplate, which are not worth naming. */
    private static String kind(String line) {
        String t = line.strip();
        if (t.isEmpty() || (t.startsWith("[") && t.endsWith("]") && t.indexOf(' ') < 0)) return null; // "[INFO] " is blank too
        String repetitive = LogSignals.repetitiveKind(line);
        if (repetitive != null) return repetitive;
        if (LogSignals.isStackFrame(line)) return "stack frames";
        if (LogSignals.isBoilerplate(line)) return null; // fixed build-tool text is not worth naming either
        String level = LogSignals.level(line);
        if (level != null) return level;
        return "output";
    }

    private static int count(boolean[] keep) {
        int c = 0;
        for (boolean k : keep) if (k) c++;
        return c;
    }
}
