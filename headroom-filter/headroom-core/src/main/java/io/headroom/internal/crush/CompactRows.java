package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Optional compact rendering ({@code compact-rows}) of the rows kept from an array of objects: the field names
 * once, then one JSON array of values per row, e.g.
 * {@code {"_headroom": "...", "_constant_fields": {...}, "columns": ["id","name"], "rows": [[1,"alice"],[2,"bob"]]}}.
 *
 * <p>The columns are the field list (names and order) most kept rows share, provided at least two rows have
 * it with scalar values only. A kept row with other fields (say the one error entry that carries an extra
 * {@code error_code}) stays an object in its place among the rows. Values are the original JSON nodes, so the
 * rendering is lossless and order-preserving: an array row r is {@code {columns[c]: r[c]}}, an object row is
 * the item itself. Measured against plain JSON in src-docs/compact-rows.md.
 */
final class CompactRows {

    static final String COLUMNS = "columns";
    static final String ROWS = "rows";

    private CompactRows() {
    }

    /** The shared field list, or null when fewer than two rows are objects with the same scalar-only fields. */
    static List<String> columns(List<JsonNode> rows) {
        Map<List<String>, Integer> counts = new HashMap<>();
        List<String> best = null;
        int bestCount = 0;
        for (JsonNode row : rows) {
            List<String> keys = scalarKeys(row);
            if (keys == null) continue;
            int c = counts.merge(keys, 1, Integer::sum);
            if (c > bestCount) {
                bestCount = c;
                best = keys;
            }
        }
        return bestCount >= 2 ? best : null;
    }

    /** Adds {@code columns} and {@code rows} to {@code header} (which already holds marker and constants). */
    static ObjectNode render(JsonNodeFactory nodes, ObjectNode header, List<String> columns, List<JsonNode> rows) {
        ArrayNode names = header.putArray(COLUMNS);
        columns.forEach(names::add);
        ArrayNode out = header.putArray(ROWS);
        for (JsonNode row : rows) {
            if (!columns.equals(scalarKeys(row))) {
                out.add(row);
                continue;
            }
            ArrayNode values = nodes.arrayNode(columns.size());
            for (String column : columns) values.add(row.get(column));
            out.add(values);
        }
        return header;
    }

    /** Field names in order when {@code row} is a non-empty object with scalar values only; else null. */
    private static List<String> scalarKeys(JsonNode row) {
        if (!row.isObject() || row.isEmpty()) return null;
        List<String> keys = new ArrayList<>(row.size());
        for (Map.Entry<String, JsonNode> e : row.properties()) {
            if (!e.getValue().isValueNode()) return null;
            keys.add(e.getKey());
        }
        return keys;
    }
}
