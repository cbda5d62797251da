package io.headroom.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.CrusherConfig;
import io.headroom.internal.text.TextCompressor;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class TableCompressorTest {
    private static final String HASH = "0123456789abcdef0123";
    private final TableCompressor compressor = new TableCompressor(CrusherConfig.defaults(), new TextCompressor());

    private Compressed compress(String content, String query) {
        return compressor.compress(content, new CompressionContext(query, HASH, "tool", 0, false));
    }

    /** The table part: everything up to the first blank line (the notes come after it). */
    private static String tablePart(String out) {
        int blank = out.indexOf("\n\n");
        return blank < 0 ? out : out.substring(0, blank + 1);
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    @Test
    void csvKeepsTheFailedRowAndStaysRectangularCsv() throws IOException {
        String in = TableSamples.paymentsCsv(900, 517);
        Compressed c = compress(in, "Which payment failed and why?");
        assertTrue(c.changed());
        String out = c.content();
        assertTrue(out.contains(TableSamples.FAILED_REF), out);
        assertTrue(out.length() < in.length() * 0.2, "saved too little: " + out.length());
        List<CSVRecord> records = csv(tablePart(out));
        // currency is USD in every row: said once in the note, so the table has one column less
        assertEquals(List.of("id", "customer", "amount", "status", "message"), records.get(0).toList());
        for (CSVRecord r : records) assertEquals(5, r.size(), r.toString());
        assertTrue(out.contains("same in every row: currency=USD"), out);
        assertTrue(out.endsWith("[900 rows compressed to " + c.keptUnits() + ". Retrieve more: hash=" + HASH + "]"), out);
        assertEquals(900, c.originalUnits());
    }

    @Test
    void csvRowsWithoutDroppedColumnsAreTheOriginalCharacters() {
        StringBuilder in = new StringBuilder("title line\nid,note,amount\n");
        for (int i = 0; i < 200; i++) {
            in.append(i).append(",\"multi\nline, with \"\"quotes\"\" ").append(i).append("\",").append(i % 13).append('\n');
        }
        Compressed c = compress(in.toString(), null);
        assertTrue(c.changed());
        String out = c.content();
        assertTrue(out.startsWith("title line\nid,note,amount\n0,\"multi\nline, with \"\"quotes\"\" 0\",0\n"), out);
        assertTrue(out.contains("199,\"multi\nline, with \"\"quotes\"\" 199\",4\n"), out);
    }

    @Test
    void aNumericOutlierAndTheQueryAnswerAreKept() {
        StringBuilder in = new StringBuilder("id,host,latency_ms\n");
        for (int i = 0; i < 500; i++) {
            in.append(i).append(",host-").append(i).append(',').append(i == 321 ? 98000 : 40 + i % 9).append('\n');
        }
        String out = compress(in.toString(), "what is the latency of host-77?").content();
        assertTrue(out.contains("321,host-321,98000"), out);
        assertTrue(out.contains("77,host-77,"), out);
    }

    @Test
    void tsvStaysTabSeparated() {
        StringBuilder in = new StringBuilder("id\tuser\tstate\n");
        for (int i = 0; i < 300; i++) in.append(i).append("\tu").append(i).append('\t').append(i == 150 ? "locked" : "active").append('\n');
        String out = compress(in.toString(), null).content();
        assertTrue(out.contains("150\tu150\tlocked\n"), out);
        for (String line : tablePart(out).split("\n")) assertEquals(2, line.chars().filter(ch -> ch == '\t').count(), line);
    }

    @Test
    void kubectlKeepsTheCrashingPodAndStaysAligned() {
        String in = TableSamples.kubectlPods(400, 233);
        Compressed c = compress(in, null);
        String out = c.content();
        assertTrue(out.contains("CrashLoopBackOff"), out);
        assertTrue(out.length() < in.length() * 0.2);
        List<String> lines = List.of(tablePart(out).split("\n"));
        int status = lines.get(0).indexOf("STATUS");
        for (String line : lines.subList(1, lines.size())) assertFalse(line.charAt(status - 1) != ' ', line);
        assertTrue(lines.get(0).startsWith("NAME "));
    }

    @Test
    void markdownStaysAMarkdownTableAfterItsTitle() {
        String out = compress(TableSamples.markdown(120), null).content();
        assertTrue(out.startsWith("Open incidents:\n\n| id | service | severity |"), out); // owner is constant
        assertTrue(out.contains("| INC-160 | svc-4 | sev1 |"), out);
        String table = out.substring(out.indexOf("| id"), out.indexOf("\n\n[table"));
        for (String line : table.split("\n")) {
            assertTrue(line.startsWith("|") && line.endsWith("|"), line);
            assertEquals(4, line.chars().filter(ch -> ch == '|').count(), line);
        }
        assertTrue(out.contains("owner=team-a"), out);
    }

    @Test
    void psqlKeepsItsRuleOutlierAndRowCountFooter() {
        String out = compress(TableSamples.psql(300), null).content();
        assertTrue(out.startsWith("  id  |  name   | balance\n------+---------+---------\n"), out);
        assertTrue(out.contains("99999.00"), out);
        assertTrue(out.contains("(300 rows)\n"), out);
    }

    @Test
    void boxTablesKeepTheirBordersAndTheDownHost() {
        for (String in : List.of(TableSamples.mysqlBox(200), TableSamples.unicodeBox(200))) {
            String out = compress(in, null).content();
            assertTrue(out.contains("web-193"), out);
            assertTrue(out.contains("down"), out);
            List<String> lines = List.of(tablePart(out).split("\n"));
            assertTrue(BoxTableParser.isBorder(lines.get(0)) && BoxTableParser.isBorder(lines.get(2)), out);
            int last = lines.size() - 1;
            if (in.startsWith("+")) last--; // mysql's "200 rows in set" footer
            assertTrue(BoxTableParser.isBorder(lines.get(last)), out);
            for (String line : lines.subList(0, last + 1)) assertEquals(lines.get(0).length(), line.length(), line);
        }
    }

    @Test
    void dfReadsMountedOnAsOneColumn() {
        ParsedTable t = TableParsers.parse(TableSamples.df(60));
        assertEquals(List.of("Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"), t.columns());
        String out = compress(TableSamples.df(60), null).content();
        assertTrue(out.contains(" 99% /mnt/data30"), out);
        assertTrue(out.contains("Size=100G"), out); // a constant column, cut out of every line
        assertTrue(tablePart(out).startsWith("Filesystem  Used Avail Use% Mounted on\n/dev/sda0    10G   90G  10% /mnt/data0\n"), out);
    }

    @Test
    void aSmallTableIsLeftToTheTextPath() {
        String in = "a,b\n1,2\n3,4\n";
        assertEquals(new TextCompressor().compress(in, CompressionContext.of(null)), compressor.compress(in, CompressionContext.of(null)));
    }

    @Test
    void withoutCcrNoMarkerButTheNoteStays() {
        String out = compressor.compress(TableSamples.paymentsCsv(300, 10), CompressionContext.of(null)).content();
        assertTrue(out.contains("[table: "), out);
        assertFalse(out.contains("hash="), out);
        List<String> parts = new ArrayList<>(List.of(out.split("\n\n")));
        assertEquals(2, parts.size(), out);
    }
}
