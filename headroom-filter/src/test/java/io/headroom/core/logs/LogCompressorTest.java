package io.headroom.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.core.route.Compressed;
import io.headroom.core.route.CompressionContext;
import io.headroom.core.route.Fixtures;
import io.headroom.core.tokens.TokenCounter;
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
        assertTrue(saved >= 90, "saved " + saved + "%");
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
        assertTrue(saved >= 70, "saved " + saved + "%\n" + out);
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
        assertTrue(saved >= 75, "saved " + saved + "%\n" + out);
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
        assertTrue(saved >= 75, "saved " + saved + "%\n" + out);
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
