package io.headroom.internal.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of a system prompt that change from request to request: dates in common formats,
 * times, ISO timestamps, UUIDs, labelled session / request / trace ids, prefixed ids such as
 * {@code req_8f3a91c2}, plus configured patterns. Stateless and thread-safe.
 *
 * <p>Detection errs on the side of precision: a bare {@code HH:MM} (which also matches ratios and
 * verse numbers) counts only next to a date or after a time label; a time with seconds, AM/PM or a
 * zone counts on its own. A span is widened to a short label that introduces it in the same clause
 * ({@code "Today is "}, {@code "Current time: "}), so what moves reads on its own and what stays does
 * not keep a dangling label.
 */
final class DynamicContentDetector {
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String WEEKDAY = "(?:(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?";
    private static final String ZONE = "(?:\\s?(?:Z|UTC|GMT|[A-Z]{2,4}T|[+-]\\d{2}:?\\d{2}))";

    private static final List<Pattern> BUILT_IN = List.of(
            // ISO 8601 timestamp (date, T or space, time, optional fraction and zone)
            Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?" + ZONE + "?(?!\\d)"),
            // ISO date, and year-first with slashes
            Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])"),
            Pattern.compile("(?<![\\d/])\\d{4}/\\d{1,2}/\\d{1,2}(?![\\d/])"),
            // 25/11/2026, 11/25/2026, 25.11.2026
            Pattern.compile("(?<![\\d/.])\\d{1,2}([/.])\\d{1,2}\\1\\d{4}(?![\\d/.])"),
            // Tuesday, Nov 25, 2026 / November 25th 2026 / 25 November 2026
            Pattern.compile("\\b" + WEEKDAY + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"),
            Pattern.compile("\\b" + WEEKDAY + "\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+\\d{4}\\b"),
            // times that are unambiguous on their own: seconds, AM/PM or a zone
            Pattern.compile("(?<![\\d:.])(?:[01]?\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:[.,]\\d+)?(?:\\s?[AaPp]\\.?[Mm]\\.?)?" + ZONE + "?(?![\\d:])"),
            Pattern.compile("(?<![\\d:.])(?:1[0-2]|0?\\d)(?::[0-5]\\d)?\\s?[AaPp]\\.?[Mm]\\.?(?![A-Za-z])" + ZONE + "?"),
            Pattern.compile("(?<![\\d:.])(?:[01]?\\d|2[0-3]):[0-5]\\d" + ZONE + "(?![\\w:])"),
            // UUID
            Pattern.compile("(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])"),
            // labelled ids: "session_id: abc123", "Request-ID=r-77f", "trace id: 4bf92f35"
            Pattern.compile("(?i)\\b(?:session|request|req|trace|span|correlation|conversation|conv|transaction|txn|run"
                    + "|user|client|chat|thread|message|msg|device|tenant|account|order|ticket|invocation|job)"
                    + "[ _-]?(?:id|key|token|uuid|guid|number|no)\\b[ \\t]*[:=#][ \\t]*[\"'`]?"
                    + "[A-Za-z0-9](?:[A-Za-z0-9_./+=:-]*[A-Za-z0-9])?[\"'`]?"),
            Pattern.compile("(?i)\\b(?:session|sid|nonce|uuid|guid|timestamp|epoch)[ \\t]*[:=][ \\t]*[\"'`]?"
                    + "[A-Za-z0-9](?:[A-Za-z0-9_./+=:-]*[A-Za-z0-9])?[\"'`]?"),
            // prefixed generated ids with at least one digit: req_8f3a91c2, sess-01HZX3K9
            Pattern.compile("\\b(?:req|sess|session|txn|trace|run|msg|chatcmpl|call|thread|conv|evt|span)[_-]"
                    + "(?=[A-Za-z]*\\d)[A-Za-z0-9]{8,}\\b"));

    /** A bare HH:MM: dynamic only next to a date or after a time label. */
    private static final Pattern BARE_TIME = Pattern.compile("(?<![\\d:.])(?:[01]?\\d|2[0-3]):[0-5]\\d(?![\\d:])");
    private static final Pattern TIME_LABEL = Pattern.compile("(?i)\\b(?:time|now|clock|at)\\b[^\\n.]{0,20}?(?:[:=]|\\bis\\b)?[ \\t]*$");
    /** What may sit between a date and its time: "2026-11-25 14:32", "Nov 25, 2026 at 2:30 PM". */
    private static final Pattern JOINER = Pattern.compile("[ \\t]*(?:,|at|@|-)?[ \\t]*");
    /**
     * A label introducing a value in the same clause: a few words ending in ':' / '=' / 'is' / 'as of'.
     * Matched against the clause text before the value.
     */
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^[\\p{L}\\p{N}_'’/() -]{1,40}?(?:[ \\t]*[:=]|[ \\t]+is:?|[ \\t]+are:?|[ \\t]+as of)[ \\t]*$");
    /** A list bullet at a line start: "- ", "* ", "1. ", "2) ". */
    private static final Pattern BULLET = Pattern.compile("[ \\t]*(?:[-*•>]|\\d{1,3}[.)])[ \\t]+");
    private static final int MAX_LABEL_WORDS = 6;
    /** How far back a label or clause start is looked for; a label is at most ~40 chars. */
    private static final int LABEL_WINDOW = 64;

    private final List<Pattern> patterns;

    DynamicContentDetector(List<Pattern> extra) {
        List<Pattern> all = new ArrayList<>(BUILT_IN);
        all.addAll(extra);
        this.patterns = List.copyOf(all);
    }

    /** Non-overlapping dynamic spans of {@code text}, in order. */
    List<DynamicSpan> find(String text) {
        List<DynamicSpan> found = new ArrayList<>();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.add(new DynamicSpan(m.start(), m.end()));
                }
            }
        }
        List<DynamicSpan> merged = merge(found, text);
        List<DynamicSpan> withTimes = new ArrayList<>(merged);
        Matcher t = BARE_TIME.matcher(text);
        while (t.find()) {
            DynamicSpan time = new DynamicSpan(t.start(), t.end());
            if (joinsAny(time, merged, text)
                    || TIME_LABEL.matcher(text.substring(windowStart(text, t.start(), LABEL_WINDOW), t.start())).find()) {
                withTimes.add(time);
            }
        }
        if (withTimes.isEmpty()) {
            return List.of(); // the common case: nothing dynamic
        }
        List<DynamicSpan> labelled = new ArrayList<>();
        for (DynamicSpan s : merge(withTimes, text)) {
            labelled.add(new DynamicSpan(labelStart(text, s.start()), s.end()));
        }
        return merge(labelled, text);
    }

    /** Sorts and unites overlapping spans and spans separated only by a date/time joiner. */
    private static List<DynamicSpan> merge(List<DynamicSpan> spans, String text) {
        List<DynamicSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(DynamicSpan::start).thenComparingInt(s -> -s.end()));
        List<DynamicSpan> out = new ArrayList<>();
        for (DynamicSpan s : sorted) {
            if (!out.isEmpty()) {
                DynamicSpan last = out.get(out.size() - 1);
                if (s.start() <= last.end() || joined(last.end(), s.start(), text)) {
                    out.set(out.size() - 1, new DynamicSpan(last.start(), Math.max(last.end(), s.end())));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /** True when {@code time} directly follows or precedes one of the sorted, disjoint {@code spans}. */
    private static boolean joinsAny(DynamicSpan time, List<DynamicSpan> spans, String text) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) { // first span starting at or after the time's end
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).start() < time.end()) lo = mid + 1; else hi = mid;
        }
        if (lo < spans.size() && joined(time.end(), spans.get(lo).start(), text)) {
            return true;
        }
        DynamicSpan before = lo > 0 ? spans.get(lo - 1) : null;
        return before != null && before.end() <= time.start() && joined(before.end(), time.start(), text);
    }

    private static boolean joined(int from, int to, String text) {
        return to >= from && to - from <= 5 && JOINER.matcher(text.substring(from, to)).matches();
    }

    /** Start of the label introducing the value at {@code start}, or {@code start} when there is none. */
    private static int labelStart(String text, int start) {
        int clause = clauseStart(text, start, LABEL_WINDOW);
        if (clause < 0) {
            return start;
        }
        String before = text.substring(clause, start);
        int lead = 0;
        while (lead < before.length() && (before.charAt(lead) == ' ' || before.charAt(lead) == '\t')) {
            lead++;
        }
        String label = before.substring(lead);
        if (label.isEmpty() || !LABEL.matcher(label).matches() || label.strip().split("\\s+").length > MAX_LABEL_WORDS) {
            return start;
        }
        return clause + lead;
    }

    /**
     * Where the clause holding {@code pos} starts: after the line start (and its list bullet), or after
     * the last sentence end ({@code ". "}, {@code "; "}, ...) or opening bracket before {@code pos};
     * -1 when that is more than {@code window} chars back (bounded, so long lines stay linear).
     */
    static int clauseStart(CharSequence text, int pos, int window) {
        int limit = Math.max(0, pos - window);
        for (int i = pos - 1; i >= limit; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return afterBullet(text, i + 1, pos);
            }
            boolean boundary = (c == '.' || c == '!' || c == '?' || c == ';' || c == '|')
                    && Character.isWhitespace(text.charAt(i + 1));
            if (boundary || c == '(' || c == '[') {
                return i + 1;
            }
        }
        return limit == 0 ? afterBullet(text, 0, pos) : -1;
    }

    private static int afterBullet(CharSequence text, int lineStart, int pos) {
        Matcher bullet = BULLET.matcher(text).region(lineStart, pos);
        return bullet.lookingAt() ? bullet.end() : lineStart;
    }

    /** {@code pos - window}, or the line start if that is nearer. */
    private static int windowStart(String text, int pos, int window) {
        int limit = Math.max(0, pos - window);
        for (int i = pos - 1; i >= limit; i--) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i + 1;
            }
        }
        return limit;
    }

}
