package io.headroom.core.cache;

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
        String s = sb.toString();
        int lineStart = DynamicContentDetector.lineStart(s, start);
        int lineEnd = lineEnd(s, end);
        int from = start;
        int to = end;
        if (startsClause(s, start) && to < lineEnd && ".;,".indexOf(s.charAt(to)) >= 0) {
            to++; // the clause's own closing punctuation
        }
        String rest = s.substring(lineStart, from) + s.substring(to, lineEnd);
        if (LEFTOVER.matcher(rest).matches()) {
            removeLine(sb, s, lineStart, lineEnd);
            return;
        }
        int spacesBefore = from;
        while (spacesBefore > lineStart && isSpace(s.charAt(spacesBefore - 1))) {
            spacesBefore--;
        }
        int spacesAfter = to;
        while (spacesAfter < lineEnd && isSpace(s.charAt(spacesAfter))) {
            spacesAfter++;
        }
        if (spacesAfter == lineEnd) {
            from = spacesBefore; // nothing follows on the line: no trailing spaces either
            to = spacesAfter;
        } else if (spacesBefore < from || from == lineStart) {
            to = spacesAfter;
        }
        sb.delete(from, to);
    }

    private static void removeLine(StringBuilder sb, String s, int lineStart, int lineEnd) {
        int breakEnd = lineEnd;
        if (breakEnd < s.length() && s.charAt(breakEnd) == '\r') breakEnd++;
        if (breakEnd < s.length() && s.charAt(breakEnd) == '\n') breakEnd++;
        if (breakEnd > lineEnd) {
            sb.delete(lineStart, breakEnd);
            return;
        }
        int from = lineStart; // the last line: drop the break before it instead
        if (from > 0 && s.charAt(from - 1) == '\n') from--;
        if (from > 0 && s.charAt(from - 1) == '\r') from--;
        sb.delete(from, lineEnd);
    }

    private static boolean startsClause(String s, int start) {
        int i = DynamicContentDetector.clauseStart(s, start);
        while (i < start && isSpace(s.charAt(i))) {
            i++;
        }
        return i == start;
    }

    private static int lineEnd(String s, int pos) {
        int i = pos;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
