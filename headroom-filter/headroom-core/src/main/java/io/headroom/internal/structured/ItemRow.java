package io.headroom.internal.structured;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Builds one item as the flat JSON object {@link io.headroom.internal.crush.RowSelector} reads: dotted paths
 * ({@code status.containerStatuses.0.state.waiting.reason}) to scalar values, numeric text as JSON numbers so
 * that numeric outliers are found, {@code true}/{@code false} as booleans. Bounded: fields past
 * {@link #MAX_FIELDS} and text past {@link #MAX_VALUE_CHARS} are not recorded (selection needs no more).
 */
final class ItemRow {
    static final int MAX_FIELDS = 400;
    static final int MAX_VALUE_CHARS = 2_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode row = NODES.objectNode();

    /** False once the field bound is reached: callers stop walking the item. */
    boolean full() {
        return row.size() >= MAX_FIELDS;
    }

    void put(String path, String text) {
        if (full() || path.isEmpty() || text == null) return;
        String key = row.has(path) ? path + "#" + row.size() : path;
        row.set(key, scalar(text));
    }

    void putNull(String path) {
        if (!full() && !path.isEmpty() && !row.has(path)) row.putNull(path);
    }

    ObjectNode build() {
        return row;
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static com.fasterxml.jackson.databind.JsonNode scalar(String raw) {
        String text = raw.length() > MAX_VALUE_CHARS ? raw.substring(0, MAX_VALUE_CHARS) : raw;
        String t = text.strip();
        if (t.equals("true")) return NODES.booleanNode(true);
        if (t.equals("false")) return NODES.booleanNode(false);
        if (looksNumeric(t)) {
            try {
                return NODES.numberNode(new BigDecimal(t));
            } catch (NumberFormatException e) {
                return NODES.textNode(text); // "1e99999" and friends stay text
            }
        }
        return NODES.textNode(text);
    }

    /** Plain decimal notation only: version strings ("1.2.3"), ids with leading zeros and hex stay text. */
    static boolean looksNumeric(String t) {
        int n = t.length();
        if (n == 0 || n > 30) return false;
        int i = t.charAt(0) == '-' ? 1 : 0;
        if (i == n) return false;
        if (t.charAt(i) == '0' && i + 1 < n && t.charAt(i + 1) != '.') return false;
        boolean dot = false;
        boolean digit = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit && t.charAt(n - 1) != '.';
    }
}
