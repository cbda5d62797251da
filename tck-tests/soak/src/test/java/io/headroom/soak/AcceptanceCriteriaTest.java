package io.headroom.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AcceptanceCriteriaTest {

    private static SoakResult result(Map<String, Map<String, Long>> normal, Map<String, Map<String, Long>> hostile,
                                     double quietP99, double loadedP99, double maxRss, long oom,
                                     List<String> unplanned, Map<String, Long> retrieval, long handedOut) {
        return new SoakResult(Map.of(), normal, hostile,
                new SoakResult.Latency(1000, 5, quietP99), new SoakResult.Latency(9000, 6, loadedP99), List.of(),
                new SoakResult.Memory(512, 1024, 300, 400, 120, maxRss, oom, List.of()),
                new SoakResult.Restarts(true, 1, List.of(4.2), unplanned),
                new SoakResult.Hashes(handedOut, handedOut / 2, retrieval, Map.of(), Map.of()));
    }

    private static SoakResult passing() {
        return result(Map.of("main/chat", Map.of("ok", 9000L, NormalLoad.CUT_RETRY_OK, 3L)),
                Map.of("hostile/header-only", Map.of("closed-by-gateway", 300L, HostileLoad.CUT_BY_KILL, 2L),
                        "hostile/forged-headers", Map.of("origin-stats:refused-403", 200L)),
                20, 39, 900, 0, List.of(), Map.of(HashAudit.OK, 500L), 500);
    }

    private static Map<String, Boolean> verdicts(SoakResult r) {
        return AcceptanceCriteria.evaluate(r, 2.0, 0.05).stream()
                .collect(Collectors.toMap(c -> c.name().split(" ")[0] + " " + c.name().split(" ")[1],
                        AcceptanceCriteria.Criterion::passed));
    }

    @Test
    void aCleanRunPassesEveryCriterionWithKillCutRequestsExcused() {
        List<AcceptanceCriteria.Criterion> criteria = AcceptanceCriteria.evaluate(passing(), 2.0, 0.05);
        assertTrue(AcceptanceCriteria.allPassed(criteria), criteria::toString);
        assertEquals(10, criteria.size());
    }

    @Test
    void eachFailureFailsItsOwnCriterion() {
        SoakResult slow = result(passing().normal(), passing().hostile(), 20, 41, 900, 0, List.of(),
                Map.of(HashAudit.OK, 500L), 500);
        assertFalse(verdicts(slow).get("p99 of"));
        assertTrue(verdicts(slow).get("every CCR"));

        SoakResult lost = result(passing().normal(), passing().hostile(), 20, 30, 900, 0, List.of(),
                Map.of(HashAudit.OK, 480L, HashAudit.MISSING, 20L), 500);
        assertFalse(verdicts(lost).get("every CCR"));

        SoakResult oom = result(passing().normal(), passing().hostile(), 20, 30, 1100, 2, List.of("exit code 3"),
                Map.of(HashAudit.OK, 500L), 500);
        assertFalse(verdicts(oom).get("heap stays"));
        assertFalse(verdicts(oom).get("RSS stays"));
        assertFalse(verdicts(oom).get("gateway stays"));

        SoakResult hostile = result(Map.of("main/chat", Map.of("ok", 10L, "http-500", 1L)),
                Map.of("hostile/header-only", Map.of("held-open", 3L),
                        "hostile/forged-headers", Map.of("origin-stats:granted-200", 4L)),
                20, 30, 900, 0, List.of(), Map.of(HashAudit.OK, 500L), 500);
        Map<String, Boolean> v = verdicts(hostile);
        assertFalse(v.get("every normal"));
        assertFalse(v.get("every hostile"));
        assertFalse(v.get("forged Host/Origin/forwarding"));
        assertEquals(3, hostile.hostileUnanswered());
        assertEquals(4, hostile.forgedGranted());
        assertEquals(1, hostile.normalUnanswered());
    }

    @Test
    void aRunThatSentTooFewHostileRequestsIsNotValid() {
        SoakResult timid = result(passing().normal(), Map.of("hostile/header-only", Map.of("closed-by-gateway", 100L)),
                20, 30, 900, 0, List.of(), Map.of(HashAudit.OK, 500L), 500);
        assertEquals(100.0 / 9103, timid.hostileShare(), 1e-9);
        assertFalse(verdicts(timid).get("the run"));
        assertTrue(verdicts(passing()).get("the run"));
    }

    @Test
    void nothingMeasuredIsAFailNotAPass() {
        SoakResult empty = new SoakResult(Map.of(), Map.of(), Map.of(), new SoakResult.Latency(0, Double.NaN, Double.NaN),
                new SoakResult.Latency(0, Double.NaN, Double.NaN), List.of(),
                new SoakResult.Memory(512, 1024, 0, -1, -1, -1, 0, List.of("attach failed")),
                new SoakResult.Restarts(true, 0, List.of(), List.of()), new SoakResult.Hashes(0, 0, Map.of(), Map.of(), Map.of()));
        List<AcceptanceCriteria.Criterion> criteria = AcceptanceCriteria.evaluate(empty, 2.0, 0.05);
        long passed = criteria.stream().filter(AcceptanceCriteria.Criterion::passed).count();
        // only "no unplanned exit", "no hostile unanswered" and "no forged granted" hold vacuously
        assertEquals(3, passed, criteria::toString);
    }

    @Test
    void theReportSaysFailAndShowsTheFigures() {
        SoakResult lost = result(passing().normal(), passing().hostile(), 20, 30, 900, 0, List.of(),
                Map.of(HashAudit.OK, 480L, HashAudit.MISSING, 20L), 500);
        SoakReport report = new SoakReport(lost, AcceptanceCriteria.evaluate(lost, 2.0, 0.05));
        assertFalse(report.passed());
        String md = report.markdown();
        assertTrue(md.startsWith("# Headroom gateway soak: FAIL"), md);
        assertTrue(md.contains("| every CCR hash handed out retrievable, byte-identical | **FAIL** | 500 handed out"), md);
        assertTrue(md.contains("| main/chat | cut-by-kill-retry-ok | 3 |"), md);
    }
}
