package io.headroom.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.ContentType;
import io.headroom.internal.route.ContentDetector;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Routing through the real detector: tables of every shape become TABLE; near-misses stay what they were. */
class TableShapeTest {
    private final ContentDetector detector = new ContentDetector();

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("csv", TableSamples.paymentsCsv(300, 40)),
                Arguments.of("csv with a title and embedded line breaks", multiLineCsv()),
                Arguments.of("tsv", tsv()),
                Arguments.of("kubectl", TableSamples.kubectlPods(50, 3)),
                Arguments.of("df", TableSamples.df(40)),
                Arguments.of("markdown", TableSamples.markdown(40)),
                Arguments.of("psql", TableSamples.psql(100)),
                Arguments.of("mysql box, longer than the detector's head", TableSamples.mysqlBox(200)),
                Arguments.of("unicode box", TableSamples.unicodeBox(30)),
                Arguments.of("headerless csv", headerlessCsv()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void tablesAreRoutedAsTables(String name, String content) {
        assertEquals(ContentType.TABLE, detector.detect(content), name);
    }

    @Test
    void proseWithCommasStaysText() {
        String prose = """
                The deployment went out on Tuesday, and by noon the error rate had doubled.
                We rolled back, waited, and watched the graphs settle over the next hour.
                Nobody had touched the database, the cache, or the load balancer that week.
                The cause, it turned out, was a config flag flipped in the wrong environment.
                After that, we added a check to the pipeline, a dashboard, and an alert.
                It fired twice in the first week, both times for real problems, thankfully.
                The team agreed, in the end, that the check was worth its noise.
                """;
        assertEquals(ContentType.TEXT, detector.detect(prose));
    }

    @Test
    void pythonLogsWithCommaMillisecondsStayLogs() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(String.format(Locale.ROOT, "2024-05-01 10:00:%02d,%03d INFO worker.%d processed batch %d%n", i % 60, i * 7, i % 4, i));
        }
        assertEquals(ContentType.LOG, detector.detect(b.toString()));
    }

    @Test
    void jsonLinesAreNotATable() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) b.append("{\"id\":").append(i).append(",\"name\":\"n").append(i).append("\",\"ok\":true}\n");
        assertEquals(ContentType.TEXT, detector.detect(b.toString()));
    }

    @Test
    void grepOutputStaysSearch() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) b.append("src/main/App").append(i).append(".java:").append(10 + i).append(":    call(a, b, c);\n");
        assertEquals(ContentType.SEARCH, detector.detect(b.toString()));
    }

    @Test
    void codeWithCommasStaysCode() {
        StringBuilder b = new StringBuilder("public class Points {\n");
        for (int i = 0; i < 30; i++) b.append("    static final Point P").append(i).append(" = new Point(").append(i).append(", ").append(i * 2).append(");\n");
        b.append("}\n");
        assertEquals(ContentType.CODE, detector.detect(b.toString()));
    }

    @Test
    void aThreeRowTableIsTooSmall() {
        assertEquals(ContentType.TEXT, detector.detect("id,name,state\n1,a,up\n2,b,down\n3,c,up\n"));
        assertEquals(ContentType.TEXT, detector.detect("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n"));
    }

    @Test
    void aDocumentWithASmallTableStaysText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) b.append("This paragraph explains part ").append(i).append(" of the design in some detail and length\n");
        b.append("\n| key | value |\n|---|---|\n");
        for (int i = 0; i < 6; i++) b.append("| k").append(i).append(" | v").append(i).append(" |\n");
        assertEquals(ContentType.TEXT, detector.detect(b.toString()));
    }

    private static String multiLineCsv() {
        StringBuilder b = new StringBuilder("Export of tickets\nid,title,body\n");
        for (int i = 0; i < 80; i++) b.append(i).append(",t").append(i).append(",\"line one, more\nline two\"\n");
        return b.toString();
    }

    private static String tsv() {
        StringBuilder b = new StringBuilder("id\tuser\tstate\n");
        for (int i = 0; i < 50; i++) b.append(i).append("\tu").append(i).append("\tactive\n");
        return b.toString();
    }

    private static String headerlessCsv() {
        Random r = new Random(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50; i++) b.append(i).append(',').append(r.nextInt(1000)).append(",x").append(r.nextInt(9)).append('\n');
        return b.toString();
    }
}
