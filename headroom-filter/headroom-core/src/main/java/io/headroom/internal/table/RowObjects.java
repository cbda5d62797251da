package io.headroom.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows as the JSON objects {@code RowSelector} reads (column name to cell), numeric cells as JSON numbers so
 * that per-column numeric outliers are found as in JSON arrays.
 */
final class RowObjects {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RowObjects() {
    }

    static List<JsonNode> of(ParsedTable table) {
        List<String> names = ColumnNames.unique(table.columns());
        List<JsonNode> out = new ArrayList<>(table.rows().size());
        for (List<String> row : table.rows()) {
            ObjectNode o = NODES.objectNode();
            for (int c = 0; c < names.size() && c < row.size(); c++) {
                String cell = row.get(c);
                Double number = Cells.number(cell);
                if (number == null) {
                    o.put(names.get(c), cell);
                } else if (number == Math.rint(number) && Math.abs(number) < 1e15 && cell.indexOf('.') < 0) {
                    o.put(names.get(c), number.longValue());
                } else {
                    o.put(names.get(c), number);
                }
            }
            out.add(o);
        }
        return out;
    }
}
