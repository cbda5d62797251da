package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import io.headroom.internal.relevance.Bm25;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the selector needs to know about one array item, computed in a single pass over it.
 *
 * @param text    keys and scalar values joined by spaces, the item's BM25 document
 * @param paths   dotted paths of the scalar values of an object item (nested objects flattened, arrays
 *                skipped), in document order, each path once; empty for non-object items
 * @param values  the scalar value at each of {@code paths}
 * @param error   the item reports an error state
 * @param warning the item reports a warning state
 */
record ItemFacts(String text, String[] paths, JsonNode[] values, boolean error, boolean warning) {

    /** Nested objects deeper than this are still searched as text but not flattened into fields. */
    static final int MAX_DEPTH = 4;
    private static final String[] NO_PATHS = {};
    private static final JsonNode[] NO_VALUES = {};

    int scalarCount() {
        return paths.length;
    }

    /** The facts of one item on its own; arrays go through one {@link Reader}. */
    static ItemFacts of(JsonNode item) {
        return new Reader().read(item);
    }

    /**
     * Reads the items of one array. The items share their field names (Jackson hands out one string per
     * name), so what a name means (its lower case, its error role, its dotted path under a parent) is worked
     * out once per name instead of once per item, and the paths are the same string instances in every
     * item, which makes the anomaly detector's per-field maps cheap. Not thread-safe: one per array.
     */
    static final class Reader {
        /** Scores the items against the query as they are read; null when there is no query. */
        private final Bm25.Scorer scorer;
        private final Map<String, Key> keys = new HashMap<>();
        private final Map<String, Map<String, String>> childPaths = new HashMap<>();
        private final StringBuilder text = new StringBuilder(256);
        private String[] paths = new String[16];
        private JsonNode[] values = new JsonNode[16];
        private int scalars;
        private boolean dottedKey;
        private boolean error;
        private boolean warning;

        Reader() {
            this(null);
        }

        /** @param scorer scores each item read as a document (its text), in the order read; may be null */
        Reader(Bm25.Scorer scorer) {
            this.scorer = scorer;
        }

        /** The facts of the next item, document {@code index} of the scorer. */
        ItemFacts read(JsonNode item, int index) {
            if (scorer != null) scorer.document(index);
            return read(item);
        }

        ItemFacts read(JsonNode item) {
            if (item.isTextual()) {
                String s = item.textValue();
                if (scorer != null) scorer.text(s);
                return new ItemFacts(s, NO_PATHS, NO_VALUES, ErrorSignals.hasErrorKeyword(s), ErrorSignals.hasWarningKeyword(s));
            }
            if (item.isValueNode()) {
                String s = item.asText();
                if (scorer != null) scorer.text(s);
                return new ItemFacts(s, NO_PATHS, NO_VALUES, false, false);
            }
            text.setLength(0);
            scalars = 0;
            dottedKey = false;
            error = false;
            warning = false;
            walk(item, "", 0, true);
            return new ItemFacts(text.toString(), scalars == 0 ? NO_PATHS : java.util.Arrays.copyOf(paths, scalars),
                    scalars == 0 ? NO_VALUES : java.util.Arrays.copyOf(values, scalars), error, warning);
        }

        private void walk(JsonNode node, String path, int depth, boolean record) {
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String name = e.getKey();
                    JsonNode value = e.getValue();
                    text.append(name).append(' ');
                    Key key = keys.computeIfAbsent(name, Key::new);
                    if (scorer != null) {
                        if (key.terms == null) key.terms = scorer.part(name);
                        scorer.add(key.terms);
                    }
                    if (ErrorSignals.isErrorField(key.role, value)) error = true;
                    else if (ErrorSignals.isWarningField(key.role, value)) warning = true;
                    dottedKey |= key.dotted;
                    if (value.isValueNode()) {
                        if (record && depth < MAX_DEPTH) put(childPath(path, name), value);
                        scalar(value);
                    } else if (depth < MAX_DEPTH) {
                        walk(value, childPath(path, name), depth + 1, record);
                    }
                }
            } else if (node.isArray()) {
                // Array elements are text only: their positions make poor field identities.
                for (JsonNode child : node) {
                    if (child.isValueNode()) scalar(child);
                    else if (depth < MAX_DEPTH) walk(child, path, depth + 1, false);
                }
            }
        }

        private String childPath(String path, String name) {
            if (path.isEmpty()) return name;
            return childPaths.computeIfAbsent(path, p -> new HashMap<>()).computeIfAbsent(name, n -> path + '.' + n);
        }

        /** One value per path, the last one winning as in a map: only a literal "a.b" key can meet "a"."b". */
        private void put(String path, JsonNode value) {
            if (dottedKey) {
                for (int i = 0; i < scalars; i++) {
                    if (paths[i].equals(path)) {
                        values[i] = value;
                        return;
                    }
                }
            }
            if (scalars == paths.length) {
                paths = java.util.Arrays.copyOf(paths, scalars * 2);
                values = java.util.Arrays.copyOf(values, scalars * 2);
            }
            paths[scalars] = path;
            values[scalars++] = value;
        }

        private void scalar(JsonNode value) {
            if (value.isNull()) return;
            if (value.isTextual()) {
                String s = value.textValue();
                if (ErrorSignals.hasErrorKeyword(s)) error = true;
                text.append(s);
                if (scorer != null) scorer.text(s);
            } else if (value instanceof IntNode || value instanceof LongNode || value instanceof ShortNode) {
                long v = value.longValue();
                text.append(v); // the digits asText() would give, without the string
                if (scorer != null) scorer.number(v);
            } else {
                String s = value instanceof BigIntegerNode ? value.bigIntegerValue().toString() : value.asText();
                text.append(s);
                if (scorer != null) scorer.text(s);
            }
            text.append(' ');
        }
    }

    /** What one field name means, worked out once per array. */
    private static final class Key {
        final ErrorSignals.FieldRole role;
        final boolean dotted;
        /** The name's query term counts, once the reader's scorer asked. */
        Bm25.Part terms;

        Key(String name) {
            this.role = ErrorSignals.FieldRole.of(name.toLowerCase(Locale.ROOT));
            this.dotted = name.indexOf('.') >= 0;
        }
    }
}
