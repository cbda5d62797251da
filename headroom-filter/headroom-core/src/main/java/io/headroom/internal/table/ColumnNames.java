package io.headroom.internal.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Column names for the row objects the selection sees: unique, never empty. */
final class ColumnNames {
    private ColumnNames() {
    }

    /** {@code column_1 .. column_n} for a table printed without a header row. */
    static List<String> generic(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) out.add("column_" + i);
        return out;
    }

    /** The header's names, with empty ones named by position and repeated ones numbered ({@code id}, {@code id_2}). */
    static List<String> unique(List<String> header) {
        List<String> out = new ArrayList<>(header.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String base = header.get(i).isBlank() ? "column_" + (i + 1) : header.get(i);
            String name = base;
            for (int k = 2; !seen.add(name); k++) name = base + "_" + k;
            out.add(name);
        }
        return out;
    }
}
