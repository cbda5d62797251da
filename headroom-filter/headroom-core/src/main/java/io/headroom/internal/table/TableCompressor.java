package io.headroom.internal.table;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.ContentCompressor;
import io.headroom.CrusherConfig;
import io.headroom.internal.crush.RowSelector;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tabular text (CSV, TSV, markdown, psql, box-drawn, fixed-width): rows chosen by SmartCrusher's selection
 * ({@link RowSelector}: first and last rows, errors, per-column numeric outliers, rare values, change points,
 * query matches), the header always kept, constant columns said once, and the table written back in its own
 * format so that it still parses as that format. Text around the table is kept as it was.
 *
 * <p>Output: the text before the table, the table part, the text after it, a blank line, then one note line
 * ({@code [table: 18 of 900 rows shown; same in every row: NAMESPACE=default]}) and the retrieval marker. The
 * notes go last so that the table part (everything up to the first blank line) is still a table.
 *
 * <p>What the parsers cannot take apart intact (ragged CSV, unbalanced quotes, no table at all) goes to the
 * text compressor, as it did before tables had a compressor. Thread-safe.
 */
public final class TableCompressor implements ContentCompressor {
    /** Longest constant value written in the note; longer ones are cut with an ellipsis. */
    static final int MAX_NOTE_VALUE = 60;

    private final RowSelector selector;
    private final ContentCompressor fallback;

    /** @param fallback compresses what turns out not to be a table this package can parse (the text path) */
    public TableCompressor(CrusherConfig config, ContentCompressor fallback) {
        this.selector = new RowSelector(config);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Compressed compress(String content, CompressionContext context) {
        if (content == null) return Compressed.unchanged(null);
        ParsedTable table = TableParsers.parse(content);
        if (table == null) return fallback.compress(content, context);
        int n = table.rows().size();
        BitSet kept = selector.select(RowObjects.of(table), context == null ? null : context.query()).rows();
        BitSet constant = ConstantColumns.of(table);
        if (kept.cardinality() >= n && constant.isEmpty()) return Compressed.unchanged(content);
        String out = render(table, kept, constant, context);
        if (out.length() >= content.length()) return Compressed.unchanged(content);
        return new Compressed(true, out, n, kept.cardinality());
    }

    private static String render(ParsedTable table, BitSet kept, BitSet constant, CompressionContext context) {
        StringBuilder b = new StringBuilder(table.before());
        b.append(table.writer().write(kept, constant)).append(table.after());
        String eol = b.indexOf("\r\n") >= 0 ? "\r\n" : "\n";
        if (!endsWith(b, "\n")) b.append(eol);
        b.append(eol).append(note(table, kept, constant));
        int n = table.rows().size();
        String marker = context == null ? "" : context.marker(n, kept.cardinality(), "rows");
        if (!marker.isEmpty()) b.append(eol).append(marker);
        return b.toString();
    }

    /** {@code [table: 18 of 900 rows shown (csv); same in every row: currency=USD, region=eu-west-1]} */
    static String note(ParsedTable table, BitSet kept, BitSet constant) {
        StringBuilder b = new StringBuilder("[table: ");
        b.append(String.format(Locale.ROOT, "%,d of %,d rows shown", kept.cardinality(), table.rows().size()));
        if (kept.cardinality() < table.rows().size()) b.append(", the others omitted");
        if (!constant.isEmpty()) {
            b.append("; same in every row: ");
            List<String> first = table.rows().get(0);
            String sep = "";
            for (int c = constant.nextSetBit(0); c >= 0; c = constant.nextSetBit(c + 1)) {
                String value = first.get(c);
                if (value.length() > MAX_NOTE_VALUE) value = value.substring(0, MAX_NOTE_VALUE) + "…";
                b.append(sep).append(table.columns().get(c)).append('=').append(value.isEmpty() ? "(empty)" : value);
                sep = ", ";
            }
        }
        return b.append(']').toString();
    }

    private static boolean endsWith(StringBuilder b, String s) {
        return b.length() >= s.length() && b.substring(b.length() - s.length()).equals(s);
    }
}
