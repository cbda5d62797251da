package io.headroom.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The harness on the content type the pipeline has always handled (a JSON array of records), so that its
 * measurements are known good before the new types use it: planted needles survive, savings are real, and a
 * needle that is not in the output is reported missing.
 */
class JsonArrayFidelityTest {

    static List<FidelityCase> cases() {
        Random random = new Random(16);
        List<FidelityCase> cases = new ArrayList<>();
        for (int n : new int[] {300, 900}) {
            StringBuilder b = new StringBuilder("[");
            int error = 17 + random.nextInt(n - 40);
            for (int i = 0; i < n; i++) {
                if (i > 0) b.append(',');
                String status = i == error ? "failed" : "ok";
                String message = i == error ? "card declined: insufficient funds (ref PAY-55121)" : "charged";
                b.append("{\"id\":").append(1000 + i)
                        .append(",\"customer\":\"cust-").append(random.nextInt(5000))
                        .append("\",\"amount\":").append(10 + random.nextInt(90)).append(".00")
                        .append(",\"status\":\"").append(status)
                        .append("\",\"message\":\"").append(message).append("\"}");
            }
            b.append(']');
            cases.add(new FidelityCase("json_payments_" + n, "json", "list_payments", b.toString(),
                    "Which payment failed and why?", List.of("PAY-55121", "insufficient funds"), 0.7));
        }
        return cases;
    }

    @Test
    void everyNeedleKeptAndSavingsMet() {
        try (FidelityHarness harness = new FidelityHarness()) {
            List<FidelityResult> results = harness.runAll(cases());
            String table = FidelityHarness.report("json", results);
            System.out.println(table);
            for (FidelityResult r : results) {
                assertTrue(r.missingNeedles().isEmpty(), r.fidelityCase().name() + " lost " + r.missingNeedles());
                assertTrue(r.meetsTarget(), r.fidelityCase().name() + " saved only " + r.savings());
            }
        }
    }

    @Test
    void aNeedleNotInTheOutputIsReportedMissing() {
        FidelityCase c = cases().get(0);
        FidelityCase absent = new FidelityCase(c.name(), c.kind(), c.toolName(), c.toolOutput(), c.question(),
                List.of("PAY-55121", "no such needle anywhere"), c.minSavings());
        try (FidelityHarness harness = new FidelityHarness()) {
            FidelityResult r = harness.run(absent);
            assertEquals(List.of("no such needle anywhere"), r.missingNeedles());
            assertTrue(!r.meetsTarget());
        }
    }
}
