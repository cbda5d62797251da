package io.headroom.internal.table;

/** Finds the table in a tool output: the most distinctive shapes first (drawn, then delimited, then aligned). */
final class TableParsers {
    /** Data rows a table needs to be worth treating as one; smaller ones are left to the text path. */
    static final int MIN_ROWS = 6;

    private TableParsers() {
    }

    /** The table in {@code content}, or null when there is none this package can give back intact. */
    static ParsedTable parse(String content) {
        return parse(new SourceLines(content));
    }

    static ParsedTable parse(SourceLines src) {
        ParsedTable t = BoxTableParser.parse(src);
        if (t == null) t = PipeTableParser.parse(src);
        if (t == null) t = DelimitedTableParser.parse(src, MIN_ROWS);
        if (t == null) t = FixedWidthTableParser.parse(src, MIN_ROWS);
        return t == null || t.rows().size() < MIN_ROWS ? null : t;
    }
}
