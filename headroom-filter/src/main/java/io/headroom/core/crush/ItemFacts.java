package io.headroom.core.crush;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the selector needs to know about one array item, computed in a single pass over it.
 *
 * @param text    keys and scalar values joined by spaces, the item's BM25 document
 * @param scalars scalar values of an object item by dotted path (nested objects flattened, arrays skipped);
 *                empty for non-object items
 * @param error   the item reports an error state
 * @param warning the item reports a warning state
 */
record ItemFacts(String text, Map<String, JsonNode> scalars, boolean error, boolean warning) {

    /** Nested objects deeper than this are still searched as text but not flattened into fields. */
    private static final int MAX_DEPTH = 4;

    static ItemFacts of(JsonNode item) {
        if (item.isTextual()) {
            String s = item.textValue();
            return new ItemFacts(s, Collections.emptyMap(), ErrorSignals.hasErrorKeyword(s), ErrorSignals.hasWarningKeyword(s));
        }
        if (item.isValueNode()) {
            return new ItemFacts(item.asText(), Collections.emptyMap(), false, false);
        }
        Walker w = new Walker();
        w.walk(item, "", 0, true);
        return new ItemFacts(w.text.toString(), w.scalars, w.error, w.warning);
    }

    private static final class Walker {
        final StringBuilder text = new StringBuilder(256);
        final Map<String, JsonNode> scalars = new LinkedHashMap<>();
        boolean error;
        boolean warning;

        void walk(JsonNode node, String path, int depth, boolean record) {
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String key = e.getKey();
                    JsonNode value = e.getValue();
                    text.append(key).append(' ');
                    String lowerKey = key.toLowerCase(Locale.ROOT);
                    if (ErrorSignals.isErrorField(key, lowerKey, value)) error = true;
                    else if (ErrorSignals.isWarningField(lowerKey, value)) warning = true;
                    String childPath = path.isEmpty() ? key : path + '.' + key;
                    if (value.isValueNode()) {
                        if (record && depth < MAX_DEPTH) scalars.put(childPath, value);
                        scalar(value);
                    } else if (depth < MAX_DEPTH) {
                        walk(value, childPath, depth + 1, record);
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

        private void scalar(JsonNode value) {
            if (value.isNull()) return;
            String s = value.isTextual() ? value.textValue() : value.asText();
            if (value.isTextual() && ErrorSignals.hasErrorKeyword(s)) error = true;
            text.append(s).append(' ');
        }
    }
}
