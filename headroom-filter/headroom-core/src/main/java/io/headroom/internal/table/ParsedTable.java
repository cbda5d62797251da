package io.headroom.internal.table;

import java.util.BitSet;
import java.util.List;

/**
 * A table found in a tool output, with the text around it kept verbatim.
 *
 * @param format  the shape it was printed in
 * @param before  text before the table (a title, a command line), verbatim, with its line ends; may be empty
 * @param columns one name per column: the header's cells, or {@code column_1..n} when there is no header row
 * @param rows    the data rows' cells (each exactly {@code columns.size()} long), header excluded
 * @param after   text after the table (a {@code (900 rows)} footer), verbatim; may be empty
 * @param writer  writes the table part again in its own format with only some rows and columns
 */
record ParsedTable(TableFormat format, String before, List<String> columns, List<List<String>> rows, String after,
                   Writer writer) {

    /** Writes the table part (header, rules, borders and the kept rows) in the input's format. */
    interface Writer {
        /**
         * @param keptRows       indexes into {@link #rows()} to write, in order
         * @param droppedColumns column indexes left out of every line
         * @return the table text, ending with a line end when the original table part did
         */
        String write(BitSet keptRows, BitSet droppedColumns);
    }
}
