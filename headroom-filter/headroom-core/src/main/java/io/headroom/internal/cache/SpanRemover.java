package io.headroom.internal.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts dynamic spans out of a text, touching nothing else but the whitespace and punctuation that
 * only existed around them:
 * <ul>
 *   <li>a line left empty (or holding only a list bullet) disappears with its line break;</li>
 *   <li>a span that is a whole clause takes its closing {@code .}/{@code ;}/{@code ,} along
 *       ({@code "Be kind. Today is Nov 25, 2026. Be brief."} becomes {@code "Be kind. Be brief."});</li>
 *   <li>of the spaces on both sides of a span one side goes, so words do not run together and no
 *       double space is left; spaces before a line end go.</li>
 * </ul>
 * Everything else, including all other whitespace, stays byte for byte.
 */
final class SpanRemover {
    private static final int NEAR = 256;
    private static final Pattern LEFTOVER = Pattern.compile("[ \\t]*(?:[-*•>]|\\d{1,3}[.)])?[ \\t]*[.,;:]?[ \\t]*");

    /** The text without the spans, and the span texts (trimmed) in their original order. */
    record Split(String stable, List<String> moved) { }

    private SpanRemover() {
    }

    static Split remove(String text, List<DynamicSpan> spans) {
        StringBuilder sb = new StringBuilder(text);
        List<String> moved = new ArrayList<>(spans.size());
        for (int k = spans.size() - 1; k >= 0; k--) { // back to front: earlier offsets stay valid
            DynamicSpan span = spans.get(k);
            moved.add(sb.substring(span.start(), span.end()).strip());
            cut(sb, span.start(), span.end());
        }
        Collections.reverse(moved);
        return new Split(sb.toString(), moved);
    }

    private static void cut(StringBuilder sb, int start, int end) {
        int from = start;
        int to = end;
        if (startsClause(sb, start) && to < sb.length() && ".;,".indexOf(sb.charAt(to)) >= 0) {
            to++; // the clause's own closing punctuation
        }
        // Scans stay within NEAR chars of the span, so a long one-line prompt costs no more per span.
        int lineStart = lineStart(sb, from);
        int lineEnd = lineEnd(sb, to);
        if (lineStart >= 0 && lineEnd >= 0
                && LEFTOVER.matcher(sb.substring(lineStart, from) + sb.substring(to, lineEnd)).matches()) {
            removeLine(sb, lineStart, lineEnd);
            return;
        }
        int spacesBefore = from;
        while (spacesBefore > 0 && isSpace(sb.charAt(spacesBefore - 1))) {
            spacesBefore--;
        }
        int spacesAfter = to;
        while (spacesAfter < sb.length() && isSpace(sb.charAt(spacesAfter))) {
            spacesAfter++;
        }
        if (spacesAfter == sb.length() || isBreak(sb.charAt(spacesAfter))) {
            from = spacesBefore; // nothing follows on the line: no trailing spaces either
            to = spacesAfter;
        } else if (spacesBefore < from || from == 0 || isBreak(sb.charAt(from - 1))) {
            to = spacesAfter;
        }
        sb.delete(from, to);
    }

    private static void removeLine(StringBuilder sb, int lineStart, int lineEnd) {
        int breakEnd = lineEnd;
        if (breakEnd < sb.length() && sb.charAt(breakEnd) == '\r') breakEnd++;
        if (breakEnd < sb.length() && sb.charAt(breakEnd) == '\n') breakEnd++;
        if (breakEnd > lineEnd) {
            sb.delete(lineStart, breakEnd);
            return;
        }
        int from = lineStart; // the last line: drop the break before it instead
        if (from > 0 && sb.charAt(from - 1) == '\n') from--;
        if (from > 0 && sb.charAt(from - 1) == '\r') from--;
        sb.delete(from, lineEnd);
    }

    private static boolean startsClause(CharSequence s, int start) {
        int i = DynamicContentDetector.clauseStart(s, start, NEAR);
        if (i < 0) {
            return false;
        }
        while (i < start && isSpace(s.charAt(i))) {
            i++;
        }
        return i == start;
    }

    /** Start of the line holding {@code pos}, or -1 when it is more than {@value #NEAR} chars back. */
    private static int lineStart(CharSequence s, int pos) {
        for (int i = pos; i > Math.max(0, pos - NEAR); i--) {
            if (isBreak(s.charAt(i - 1))) {
                return i;
            }
        }
        return pos <= NEAR ? 0 : -1;
    }

    /** End of the line holding {@code pos}, or -1 when it is more than {@value #NEAR} chars ahead. */
    private static int lineEnd(CharSequence s, int pos) {
        int limit = Math.min(s.length(), pos + NEAR);
        for (int i = pos; i < limit; i++) {
            if (isBreak(s.charAt(i))) {
                return i;
            }
        }
        return limit == s.length() ? limit : -1;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
