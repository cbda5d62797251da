package io.headroom.internal.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The block at the end of the system content that receives the moved values:
 * <pre>
 * [Dynamic context]
 * - Today is Nov 25, 2026
 * - session_id: abc123
 * </pre>
 * Appended after a blank line when it shares a text with stable content, or standing alone as its
 * own text block. A text that already holds a tail (a request aligned before, e.g. re-sent by the
 * client) is recognised, so its tail is neither scanned again nor duplicated.
 */
final class DynamicTail {
    static final String HEADER = "[Dynamic context]";
    private static final String SEPARATOR = "\n\n";

    private DynamicTail() {
    }

    /** Index where the tail starts in {@code text}, or -1 when it has none. */
    static int start(String text) {
        if (text.startsWith(HEADER + "\n")) {
            return 0;
        }
        int at = text.lastIndexOf(SEPARATOR + HEADER + "\n");
        return at;
    }

    static boolean isTail(String text) {
        return text.startsWith(HEADER + "\n");
    }

    /** The tail alone, for a text block of its own. */
    static String block(List<String> items) {
        return HEADER + lines(items);
    }

    /**
     * {@code text} with {@code items} at its end: added to its tail if it has one, else in a new
     * tail after a blank line (trailing whitespace of {@code text} gives way to that blank line).
     */
    static String appendTo(String text, List<String> items) {
        if (start(text) >= 0) {
            return text.stripTrailing() + lines(items);
        }
        if (text.isBlank()) {
            return block(items);
        }
        return text.stripTrailing() + SEPARATOR + block(items);
    }

    private static String lines(List<String> items) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String item : items) {
            distinct.add(item.replaceAll("\\s*\\R\\s*", " "));
        }
        StringBuilder sb = new StringBuilder();
        for (String item : distinct) {
            sb.append("\n- ").append(item);
        }
        return sb.toString();
    }
}
