package io.headroom.internal.table;

import java.util.BitSet;
import java.util.List;

/**
 * Columns with one value in every row ({@code NAMESPACE default}, {@code currency USD}): said once in the note
 * under the table instead of on every kept row. At least {@value #MIN_LEFT} columns stay in the table.
 */
final class ConstantColumns {
    static final int MIN_LEFT = 2;

    private ConstantColumns() {
    }

    static BitSet of(ParsedTable table) {
        List<List<String>> rows = table.rows();
        int columns = table.columns().size();
        BitSet constant = new BitSet(columns);
        if (rows.size() < 2) return constant;
        for (int c = 0; c < columns; c++) {
            String value = rows.get(0).get(c);
            boolean same = true;
            for (int r = 1; r < rows.size() && same; r++) same = rows.get(r).get(c).equals(value);
            if (same) constant.set(c);
        }
        // keep the leftmost columns when nearly all are constant: a table needs something to show
        for (int c = columns - 1; c >= 0 && columns - constant.cardinality() < MIN_LEFT; c--) {
            if (constant.get(c)) constant.clear(c);
        }
        return constant;
    }
}
