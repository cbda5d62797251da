package io.headroom.internal.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.internal.route.Fixtures;
import io.headroom.internal.tokens.TokenCounter;
import io.headroom.internal.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogCompressorTest {
    private static final String HASH = "0123456789abcdef01234567";
    private final LogCompressor compressor = new LogCompressor();
    private final TokenCounter tokens = new TokenCounter();
    private final CompressionContext ctx = new CompressionContext("Why is CI red?", HASH, "run_tests", 0, false);

    private double savedPercent(String before, String after) {
        int b = tokens.count("gpt-4o", before);
        int a = tokens.count("gpt-4o", after);
        return 100.0 * (b - a) / b;
    }

    @Test
    void pytestLogKeepsFailuresAndSummaryAndCollapsesPassedLines() {
        String log = Fixtures.toolOutput("pytest_log_1500");
        Compressed r = compressor.compress(log, ctx);
        assertTrue(r.changed());
        String out = r.content();
        for (String needle : List.of("AssertionError: expected 10.05, got 10.04", "cannot cancel order in state SHIPPED",
                "2 failed, 1498 passed", "test_refund_rounding", "tests/test_billing.py::test_refund_rounding FAILED",
                "tests/test_orders.py::test_cancel_after_ship FAILED", "short test summary info",
                ">       assert refund == Decimal('10.05')", "tests/test_billing.py:88: AssertionError",
                "test session starts", "collected 1500 items")) {
            assertTrue(out.contains(needle), "kept: " + needle);
        }
        assertFalse(out.contains("test_case_0500 PASSED"), "passed lines in the middle are collapsed");
        assertTrue(out.contains("similar lines (PASSED) omitted"), out);
        // the three PASSED runs between the two failures and the failure report add up to all passed tests
        int omitted = 0;
        for (String line : out.split("\n")) {
            if (line.contains("similar lines (PASSED) omitted")) {
                omitted += Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        assertTrue(omitted >= 1490 && omitted <= 1500, "omitted " + omitted); // runs may include a blank line
        assertTrue(out.endsWith("[1525 lines compressed to " + r.keptUnits() + ". Retrieve more: hash=" + HASH + "]"), out);
        assertEquals(1525, r.originalUnits());
        double saved = savedPercent(log, out);
        assertTrue(saved >= 98, "saved " + saved + "%");
    }

    @Test
    void mavenLogKeepsTheFailureTraceSummaryAndVerdict() {
        String log = Fixtures.text("maven_build_failure.log");
        Compressed r = compressor.compress(log, ctx);
        assertTrue(r.changed());
        String out = r.content();
        for (String needle : List.of("org.opentest4j.AssertionFailedError: expected: <10.05> but was: <10.04>",
                "at com.acme.billing.RefundPolicyTest.partialRefundKeepsCents(RefundPolicyTest.java:88)",
                "Tests run: 14, Failures: 1", "[ERROR] Tests run: 163, Failures: 1, Errors: 0, Skipped: 2",
                "BUILD FAILURE", "Failed to execute goal", "has been deprecated",
                "RefundPolicyTest.partialRefundKeepsCents:88 expected: <10.05> but was: <10.04>")) {
            assertTrue(out.contains(needle), "kept: " + needle + "\n" + out);
        }
        assertFalse(out.contains("jackson-databind-2.17.0.jar ("), "downloads collapsed");
        assertTrue(out.contains("similar lines (Download) omitted"), out);
        double saved = savedPercent(log, out);
        assertTrue(saved >= 94, "saved " + saved + "%\n" + out);
    }

    @Test
    void gradleLogKeepsTheFailedTestAndItsCause() {
        String log = Fixtures.text("gradle_build_failure.log");
        Compressed r = compressor.compress(log, ctx);
        String out = r.content();
        for (String needle : List.of("OrderServiceTest > cancelAfterShipmentIsRejected() FAILED",
                "java.lang.IllegalStateException: cannot cancel order in state SHIPPED",
                "at com.acme.shop.OrderService.cancel(OrderService.java:142)", "170 tests completed, 1 failed",
                "BUILD FAILED in 52s", "Execution failed for task ':app:test'.")) {
            assertTrue(out.contains(needle), "kept: " + needle + "\n" + out);
        }
        double saved = savedPercent(log, out);
        assertTrue(saved >= 89, "saved " + saved + "%\n" + out);
    }

    @Test
    void applicationLogKeepsErrorsWarningsAndTheCausedByChain() {
        String log = Fixtures.text("shell_200.log");
        Compressed r = compressor.compress(log, ctx);
        String out = r.content();
        for (String needle : List.of("request_id=req-7f3a9c21", "PaymentDeclinedException: card declined by issuer (code=51)",
                "at com.acme.shop.payments.StripeGateway.charge(StripeGateway.java:118)",
                "Caused by: java.net.SocketTimeoutException: Read timed out", "... 42 more", "cache refresh took")) {
            assertTrue(out.contains(needle), "kept: " + needle + "\n" + out);
        }
        double saved = savedPercent(log, out);
        assertTrue(saved >= 91, "saved " + saved + "%\n" + out);
    }

    /** The seed's benchmark: a 200-line build log loses 93.9% of its tokens; ours must lose at least as much. */
    @Test
    void realisticMavenBuildOf200LinesSavesAtLeastTheOriginals939Percent() {
        String log = Fixtures.text("maven_build_200.log");
        Compressed r = compressor.compress(log, ctx);
        String out = r.content();
        for (String needle : List.of(
                "[WARNING] /srv/ledger/ledger-core/src/main/java/com/acme/ledger/core/PostingRules.java:[57,31] [removal] ROUND_HALF_UP in java.math.BigDecimal has been deprecated and marked for removal",
                "[ERROR] Tests run: 18, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.873 s <<< FAILURE! -- in com.acme.ledger.core.PostingServiceTest",
                "[ERROR] com.acme.ledger.core.PostingServiceTest.reversalRestoresBalance -- Time elapsed: 0.044 s <<< FAILURE!",
                "org.opentest4j.AssertionFailedError: balance after reversal ==> expected: <1250.00> but was: <1249.99>",
                "\tat com.acme.ledger.core.PostingServiceTest.reversalRestoresBalance(PostingServiceTest.java:112)",
                "[ERROR]   PostingServiceTest.reversalRestoresBalance:112 balance after reversal ==> expected: <1250.00> but was: <1249.99>",
                "[ERROR] Tests run: 92, Failures: 1, Errors: 0, Skipped: 0", "[INFO] BUILD FAILURE", "Total time:",
                "Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project ledger-core: There are test failures.",
                "Building ledger-core 3.1.0-SNAPSHOT")) {
            assertTrue(out.contains(needle), "kept: " + needle + "\n" + out);
        }
        for (String noise : List.of("Downloading from central", "at org.junit.platform.engine", "ForkedBooter",
                "java.base/java.lang.reflect.Method.invoke", "--- surefire:3.2.5:test", "-> [Help 1]", "re-run Maven with the -e switch",
                "Failures: 0, Errors: 0", "DEBUG com.acme.ledger")) {
            assertFalse(out.contains(noise), "dropped: " + noise + "\n" + out);
        }
        assertTrue(out.contains("similar lines (Download) omitted"), out);
        TokenCounter.Tokenizer o200k = tokens.forModel("gpt-4o");
        assertEquals(TokenEncoding.O200K_BASE, o200k.encoding());
        int before = o200k.countExact(log);
        int after = o200k.countExact(out);
        double saved = 100.0 * (before - after) / before;
        assertTrue(saved >= 93.9, before + " -> " + after + " tokens, saved " + saved + "%\n" + out);
    }

    @Test
    void javaTraceKeepsHeaderFirstProjectFrameCausesAndCountsFrameworkFrames() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 6; i++) l.add("[INFO] Running com.acme.T" + i);
        l.add("java.lang.IllegalStateException: ledger closed");
        l.add("\tat java.base/java.util.Objects.requireNonNull(Objects.java:259)");
        l.add("\tat org.junit.jupiter.api.Assertions.fail(Assertions.java:10)");
        l.add("\tat com.acme.ledger.Ledger.post(Ledger.java:41)");
        l.add("\tat com.acme.ledger.Ledger.postAll(Ledger.java:30)");
        for (int i = 0; i < 30; i++) l.add("\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.run" + i + "(NodeTestTask.java:" + i + ")");
        l.add("\tat com.acme.ledger.Main.main(Main.java:9)");
        l.add("Caused by: java.sql.SQLException: connection reset");
        for (int i = 0; i < 10; i++) l.add("\tat java.base/sun.nio.ch.Net.poll" + i + "(Net.java:" + i + ")");
        l.add("\t... 33 more");
        for (int i = 0; i < 6; i++) l.add("[INFO] Running com.acme.U" + i);
        String out = compressor.compress(String.join("\n", l), ctx).content();
        for (String needle : List.of("java.lang.IllegalStateException: ledger closed", "at com.acme.ledger.Ledger.post(Ledger.java:41)",
                "at com.acme.ledger.Main.main(Main.java:9)", "Caused by: java.sql.SQLException: connection reset",
                "at java.base/sun.nio.ch.Net.poll0(Net.java:0)", "at java.base/sun.nio.ch.Net.poll9(Net.java:9)", "... 33 more")) {
            assertTrue(out.contains(needle), "kept: " + needle + "\n" + out);
        }
        assertFalse(out.contains("Objects.requireNonNull"), "framework frames above the first project frame go\n" + out);
        assertFalse(out.contains("NodeTestTask"), out);
        assertFalse(out.contains("Net.poll5"), "a cause with only framework frames keeps its first and last\n" + out);
        assertTrue(out.contains("... 2 similar lines (stack frames) omitted ..."), out);
        assertTrue(out.contains("... 31 similar lines (stack frames) omitted ..."), out); // postAll + 30 runner frames
    }

    @Test
    void successRowsUpToDateTasksAndBuildChromeCollapseIntoCounts() {
        List<String> l = new ArrayList<>();
        l.add("[INFO] Reactor Build Order:");
        for (String m : List.of("shop-parent", "shop-api", "shop-core", "shop-web")) l.add("[INFO] " + m + "                         [jar]");
        l.add("[INFO] --- compiler:3.13.0:compile (default-compile) @ shop-core ---");
        for (int i = 0; i < 12; i++) l.add("> Task :shop-" + i + ":compileJava UP-TO-DATE");
        for (int i = 0; i < 3; i++) l.add("> Task :shop-" + i + ":processResources NO-SOURCE");
        l.add("[INFO] Reactor Summary for shop-parent 1.0:");
        for (String m : List.of("shop-parent", "shop-api", "shop-core")) l.add("[INFO] " + m + " ............ SUCCESS [  1.2 s]");
        l.add("[INFO] shop-web ............ FAILURE [  3.4 s]");
        l.add("[INFO] shop-cli ............ SKIPPED");
        l.add("[INFO] ------------------------------------------------------------------------");
        l.add("[INFO] BUILD FAILURE");
        l.add("[INFO] ------------------------------------------------------------------------");
        l.add("[ERROR] -> [Help 1]");
        String out = compressor.compress(String.join("\n", l), ctx).content();
        // Reactor order, mojo header and 15 UP-TO-DATE / NO-SOURCE tasks: one count line, chrome not even named
        assertTrue(out.startsWith("... 21 lines omitted (15 > Task, 4 module) ...\n"), out);
        assertTrue(out.contains("... 3 similar lines (SUCCESS) omitted ..."), out);
        for (String needle : List.of("Reactor Summary for shop-parent 1.0:", "[INFO] shop-web ............ FAILURE [  3.4 s]", "BUILD FAILURE")) {
            assertTrue(out.contains(needle), "kept: " + needle + "\n" + out);
        }
        for (String noise : List.of("shop-api                         [jar]", "--- compiler", "UP-TO-DATE", "[Help 1]", "----------")) {
            assertFalse(out.contains(noise), "dropped: " + noise + "\n" + out);
        }
    }

    @Test
    void errorContextIsKeptOnlyWhenItIsNotRoutine() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 20; i++) l.add("10:00:" + (10 + i) + " INFO GET /api/orders status=200 user=u" + i);
        l.add("10:01:00 ERROR payment failed for order 17");
        l.add("10:01:01 INFO GET /api/orders status=200 user=u99");
        l.add("10:01:01 INFO GET /api/orders status=200 user=u98");
        l.add("retrying with backup gateway eu-west-2");
        l.add("10:01:02 ERROR backup gateway refused order 17");
        for (int i = 0; i < 20; i++) l.add("10:02:" + (10 + i) + " INFO GET /api/cart status=200 user=u" + i);
        String out = compressor.compress(String.join("\n", l), ctx).content();
        assertTrue(out.contains("ERROR payment failed for order 17"), out);
        assertTrue(out.contains("ERROR backup gateway refused order 17"), out);
        assertTrue(out.contains("retrying with backup gateway eu-west-2"), "a distinct neighbour is context\n" + out);
        assertFalse(out.contains("user=u19\n10:01:00"), "a routine neighbour is not\n" + out);
        assertFalse(out.contains("user=u99") || out.contains("user=u98"), out);
        assertFalse(out.contains("user=u7\n"), out);
    }

    @Test
    void longStackTracesAreBoundedButKeepEveryCause() {
        List<String> l = new ArrayList<>();
        l.add("2026-03-14 10:00:00 INFO starting");
        l.add("java.lang.RuntimeException: outer failure");
        for (int i = 0; i < 120; i++) l.add("\tat com.acme.Deep.level" + i + "(Deep.java:" + (i + 10) + ")");
        l.add("Caused by: java.io.IOException: disk full");
        for (int i = 0; i < 60; i++) l.add("\tat com.acme.Io.write" + i + "(Io.java:" + (i + 5) + ")");
        l.add("\t... 17 more");
        for (int i = 0; i < 20; i++) l.add("2026-03-14 10:00:01 INFO after " + i);
        String log = String.join("\n", l);
        String out = compressor.compress(log, ctx).content();
        assertTrue(out.contains("java.lang.RuntimeException: outer failure"));
        assertTrue(out.contains("at com.acme.Deep.level0(Deep.java:10)"));
        assertTrue(out.contains("Caused by: java.io.IOException: disk full"));
        assertTrue(out.contains("at com.acme.Io.write0(Io.java:5)"));
        assertTrue(out.contains("... 17 more"));
        assertFalse(out.contains("level60("), "the middle of a long trace is dropped");
        assertTrue(out.contains("similar lines (stack frames) omitted"), out);
    }

    @Test
    void repeatedWarningsAreKeptOnlyAFewTimes() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 200; i++) l.add("WARNING: deprecated call in module " + i);
        String out = compressor.compress(String.join("\n", l), ctx).content();
        assertTrue(out.contains("WARNING: deprecated call in module 0"));
        assertTrue(out.contains("WARNING: deprecated call in module 2"));
        assertFalse(out.contains("WARNING: deprecated call in module 100"));
    }

    @Test
    void noMarkerWithoutCcr() {
        String log = Fixtures.toolOutput("pytest_log_1500");
        Compressed r = compressor.compress(log, CompressionContext.of("why"));
        assertTrue(r.changed());
        assertFalse(r.content().contains("Retrieve more"));
        assertTrue(r.content().endsWith("2 failed, 1498 passed in 41.27s =================="));
    }

    @Test
    void unchangedWhenNothingCanBeDropped() {
        String log = String.join("\n", List.of("ERROR a", "ERROR b", "ERROR c", "ERROR d", "ERROR e", "ERROR f",
                "ERROR g", "ERROR h", "ERROR i", "ERROR j", "ERROR k", "ERROR l", "ERROR m"));
        Compressed r = compressor.compress(log, ctx);
        assertFalse(r.changed());
        assertEquals(log, r.content());
        assertFalse(compressor.compress("short\nlog", ctx).changed());
    }

    @Test
    void garbageDoesNotThrow() {
        Random rnd = new Random(42);
        for (int round = 0; round < 50; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 400; i++) {
                char c = (char) rnd.nextInt(0x2FF);
                sb.append(rnd.nextInt(20) == 0 ? '\n' : c);
            }
            Compressed r = compressor.compress(sb.toString(), ctx);
            assertTrue(!r.changed() || r.content().length() < sb.length());
        }
        assertFalse(compressor.compress(null, ctx).changed());
        assertFalse(compressor.compress("", ctx).changed());
    }
}
