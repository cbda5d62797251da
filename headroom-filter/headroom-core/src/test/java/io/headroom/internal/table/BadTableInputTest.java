package io.headroom.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.headroom.internal.route.ContentRouter;
import io.headroom.internal.text.TextCompressor;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken or hostile tables: each is either compressed into a table that still parses or handed to the text path
 * exactly as the text compressor would have compressed it, and no exception leaves the compressor or the router.
 */
class BadTableInputTest {
    private static final CompressionContext CONTEXT = new CompressionContext("failed", "abcdef0123456789abcd", "t", 0, false);
    private final TableCompressor tables = new TableCompressor(CrusherConfig.defaults(), new TextCompressor());
    private final ContentRouter router = ContentRouter.create(HeadroomConfig.defaults());

    static Stream<Arguments> textPath() {
        return Stream.of(
                Arguments.of("ragged csv", ragged()),
                Arguments.of("unbalanced quote", unbalancedQuote()),
                Arguments.of("a single huge line", "id,name," + "x,".repeat(400_000) + "\n"),
                Arguments.of("box with a row of another width", boxWithBadRow()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textPath")
    void unparseableTablesGoToTheTextPath(String name, String content) {
        Compressed expected = new TextCompressor().compress(content, CONTEXT);
        assertEquals(expected, tables.compress(content, CONTEXT), name);
        router.route(content, CONTEXT); // never throws
    }

    static Stream<Arguments> oddBytes() {
        StringBuilder b = new StringBuilder("\uFEFFid,name,city\n");
        for (int i = 0; i < 200; i++) {
            String name = switch (i % 4) {
                case 0 -> "caf\u00c3\u00a9"; // UTF-8 read as Latin-1
                case 1 -> "bad\uFFFDbyte";
                case 2 -> "nul\u0000char";
                default -> "lone\uD800surrogate";
            };
            b.append(i).append(',').append(name).append(",city").append(i % 3).append(i == 77 ? " failed" : "").append('\n');
        }
        String crlf = TableSamples.paymentsCsv(200, 50).replace("\n", "\r\n");
        return Stream.of(Arguments.of("mixed encodings and odd characters", b.toString()),
                Arguments.of("CRLF line ends", crlf));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddBytes")
    void oddCharactersStillCompressIntoParseableCsv(String name, String content) throws IOException {
        Compressed c = tables.compress(content, CONTEXT);
        assertTrue(c.changed(), name);
        String eol = content.contains("\r\n") ? "\r\n" : "\n";
        String table = c.content().substring(0, c.content().indexOf(eol + eol) + eol.length());
        try (CSVParser p = CSVParser.parse(new StringReader(table), CSVFormat.RFC4180)) {
            List<CSVRecord> records = p.getRecords();
            int width = records.get(0).size();
            for (CSVRecord r : records) assertEquals(width, r.size(), name + ": " + r);
            assertTrue(records.size() > 3 && records.size() < 60, name + ": " + records.size());
        }
        assertTrue(c.content().contains("failed"), name);
    }

    private static String ragged() {
        StringBuilder b = new StringBuilder("id,name,amount\n");
        for (int i = 0; i < 200; i++) b.append(i).append(",n").append(i).append(i % 10 == 5 ? ",1,extra,fields\n" : ",1\n");
        return b.toString();
    }

    private static String unbalancedQuote() {
        StringBuilder b = new StringBuilder("id,name,amount\n");
        for (int i = 0; i < 200; i++) b.append(i).append(i == 100 ? ",\"open quote never closed" : ",n" + i).append(',').append(i).append('\n');
        return b.toString();
    }

    private static String boxWithBadRow() {
        String box = TableSamples.mysqlBox(100);
        return box.replace("| 50   | web-50   | up     |", "| 50   | web-50   | up     | extra |");
    }
}
