package io.headroom.sample.savings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentSavingsTest {
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void savingsSurviveARestart() throws Exception {
        Path file = dir.resolve("nested").resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T10:00:00Z"));
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            s.ledger().record(SavingsTotals.ofRequest(1000, 0.0025, 200, 0.0005));
            clock.advance(Duration.ofDays(1));
            s.ledger().record(SavingsTotals.ofRequest(500, 0.00125, 100, 0.00025));
            assertFalse(Files.exists(file), "not written per request");
        } // close writes
        assertTrue(Files.exists(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary files left behind");
        }

        try (PersistentSavings again = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            SavingsLedger l = again.ledger();
            assertEquals(2, l.lifetime().requests());
            assertEquals(1500, l.lifetime().tokensSaved());
            assertEquals(0.00375, l.lifetime().savingsUsd(), 1e-12);
            assertEquals(2, l.history(Rollup.DAILY).size());
            assertEquals(Instant.parse("2025-03-14T10:00:00Z"), l.history(Rollup.HOURLY).get(0).periodStart());
            assertEquals(Instant.parse("2025-03-14T10:00:00Z"), l.since(), "tracking start is kept");
        }
    }

    @Test
    void periodicFlushWritesWithoutClose() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T10:00:00Z"));
        try (PersistentSavings s = PersistentSavings.open(file, Duration.ofMillis(50), RETENTION, clock)) {
            s.ledger().record(SavingsTotals.ofRequest(42, 0.0, 7, 0.0));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(file), "written by the background flusher");
            assertEquals(42, new SavingsFile(file).load().orElseThrow().savings().lifetime().tokensSaved());
        }
    }

    @Test
    void corruptFileIsSetAsideAndTrackingStartsFresh() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        byte[] garbage = "{\"version\": 1, \"lifetime\": [tru".getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T10:00:00Z"));

        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            assertEquals(SavingsTotals.ZERO, s.ledger().lifetime());
            s.ledger().record(SavingsTotals.ofRequest(10, 0.0, 1, 0.0));
        }
        assertArrayEquals(garbage, Files.readAllBytes(dir.resolve("proxy_savings.json.corrupt")));
        assertEquals(10, new SavingsFile(file).load().orElseThrow().savings().lifetime().tokensSaved(), "fresh file written");
    }

    @Test
    void wellFormedJsonOfTheWrongShapeCountsAsCorrupt() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        Files.writeString(file, "{\"version\": 1, \"since\": \"2025-01-01T00:00:00Z\", \"lifetime\": {\"requests\": \"x\"}}");
        assertTrue(new SavingsFile(file).load().isEmpty());
        assertTrue(Files.exists(dir.resolve("proxy_savings.json.corrupt")));
    }

    @Test
    void csvHasTheOriginalsColumnsAndOneLinePerPeriod() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T10:00:00Z"));
        SavingsLedger ledger = new SavingsLedger(clock, RETENTION);
        ledger.record(SavingsTotals.ofRequest(750, 0.001875, 250, 0.000625));
        clock.advance(Duration.ofDays(1));
        ledger.record(SavingsTotals.ofRequest(100, 0.00025, 100, 0.00025));

        String[] lines = SavingsCsv.rollup(SavingsHistory.points(ledger, Rollup.DAILY)).split("\n");
        assertEquals(3, lines.length);
        assertEquals("timestamp,tokens_saved,compression_savings_usd_delta,total_tokens_saved,compression_savings_usd,"
                + "total_input_tokens_delta,total_input_tokens,total_input_cost_usd_delta,total_input_cost_usd", lines[0]);
        // deltas of the day, then the running totals at its end
        assertEquals("2025-03-14T00:00:00Z,750,0.001875,750,0.001875,250,250,0.000625,0.000625", lines[1]);
        assertEquals("2025-03-15T00:00:00Z,100,0.000250,850,0.002125,100,350,0.000250,0.000875", lines[2]);

        String[] history = SavingsCsv.history(SavingsHistory.points(ledger, Rollup.HOURLY)).split("\n");
        assertEquals("timestamp,total_tokens_saved,compression_savings_usd,total_input_tokens,total_input_cost_usd",
                history[0]);
        assertEquals("2025-03-14T10:00:00Z,750,0.001875,250,0.000625", history[1]);
        assertEquals("2025-03-15T10:00:00Z,850,0.002125,350,0.000875", history[2]);
    }
}
