package io.headroom.internal.table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV and TSV, parsed by Apache Commons CSV (quoted fields, embedded line breaks and doubled quotes as RFC 4180
 * has them; TSV as tools print it, without quoting). The delimiter is the one that splits the first lines into
 * the same number of fields; a header row is recognised by its cells (text, distinct, not repeated below).
 *
 * <p>The table is the run of records with the first record's field count: up to {@value #MAX_AROUND_LINES}
 * lines before it (a title) and after it (a footer) are kept as text; more than that, or a record of another
 * length in the middle (ragged CSV), and it is not taken as a table. Kept rows are written as their original
 * characters; only when a constant column is left out are the rows printed again, with the same delimiter.
 */
final class DelimitedTableParser {
    static final int MAX_AROUND_LINES = 3;
    /** Lines looked at to choose the delimiter. */
    static final int PROBE_LINES = 50;

    private DelimitedTableParser() {
    }

    static ParsedTable parse(SourceLines src, int minRows) {
        char delimiter = DelimiterProbe.choose(src.lines(), PROBE_LINES);
        if (delimiter == 0) return null;
        int fields = DelimiterProbe.modal(DelimiterProbe.recordCounts(src.lines(), PROBE_LINES, delimiter));
        int start = 0;
        while (start < src.size() && DelimiterProbe.count(src.get(start), delimiter) != fields) start++;
        if (start > MAX_AROUND_LINES || start >= src.size()) return null;
        String before = src.text(0, start);
        String text = src.content().substring(before.length());
        boolean tsv = delimiter == '\t';
        CSVFormat format = (tsv ? CSVFormat.TDF.builder().setQuote(null).setIgnoreSurroundingSpaces(false)
                : CSVFormat.RFC4180.builder().setDelimiter(delimiter))
                .setIgnoreEmptyLines(false).setRecordSeparator(src.eol()).get();
        List<CSVRecord> records = new ArrayList<>();
        long tableEnd = text.length();
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(format).get()) {
            int width = -1;
            for (CSVRecord record : parser) {
                if (width < 0) width = record.size();
                if (record.size() != width) {
                    tableEnd = record.getCharacterPosition();
                    break;
                }
                records.add(record);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return null; // unbalanced quotes and the like: not a table this parser can give back intact
        }
        String after = text.substring((int) tableEnd);
        if (records.size() < minRows + 1 || records.get(0).size() < 2 || lineCount(after) > MAX_AROUND_LINES) return null;
        List<String> first = records.get(0).toList();
        boolean header = isHeader(first, records);
        List<List<String>> rows = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            long from = records.get(i).getCharacterPosition();
            long to = i + 1 < records.size() ? records.get(i + 1).getCharacterPosition() : tableEnd;
            String span = text.substring((int) from, (int) to);
            if (i == 0 && header) {
                spans.add(0, span);
                continue;
            }
            rows.add(records.get(i).toList());
            spans.add(span);
        }
        String headerSpan = header ? spans.remove(0) : null;
        List<String> names = header ? first : ColumnNames.generic(first.size());
        ParsedTable.Writer writer = (kept, dropped) -> {
            if (dropped.isEmpty()) {
                StringBuilder b = new StringBuilder(header ? headerSpan : "");
                for (int r = kept.nextSetBit(0); r >= 0; r = kept.nextSetBit(r + 1)) b.append(spans.get(r));
                return b.toString();
            }
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, format)) {
                if (header) printer.printRecord(keptCells(first, dropped));
                for (int r = kept.nextSetBit(0); r >= 0; r = kept.nextSetBit(r + 1)) {
                    printer.printRecord(keptCells(rows.get(r), dropped));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        };
        return new ParsedTable(tsv ? TableFormat.TSV : TableFormat.CSV, before, names, rows, after, writer);
    }

    private static List<String> keptCells(List<String> cells, java.util.BitSet dropped) {
        List<String> out = new ArrayList<>(cells.size());
        for (int c = 0; c < cells.size(); c++) {
            if (!dropped.get(c)) out.add(cells.get(c));
        }
        return out;
    }

    /**
     * A first record of distinct, non-empty, non-numeric cells, none of which comes again in its column in the
     * next rows, names the columns; {@code 1001,alice,42.50} does not.
     */
    static boolean isHeader(List<String> first, List<CSVRecord> records) {
        Set<String> distinct = new HashSet<>();
        for (String cell : first) {
            if (cell.isBlank() || Cells.isNumeric(cell) || cell.length() > 64 || !distinct.add(cell)) return false;
        }
        for (int r = 1; r < Math.min(records.size(), 50); r++) {
            for (int c = 0; c < first.size(); c++) {
                if (first.get(c).equals(records.get(r).get(c))) return false;
            }
        }
        return true;
    }

    private static int lineCount(String s) {
        if (s.isBlank()) return 0;
        return s.strip().split("\r?\n", -1).length;
    }
}
