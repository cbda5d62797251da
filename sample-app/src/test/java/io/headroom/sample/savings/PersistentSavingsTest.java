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
    void csvHasAHeaderAndOneLinePerPeriod() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T10:00:00Z"));
        SavingsLedger ledger = new SavingsLedger(clock, RETENTION);
        ledger.record(SavingsTotals.ofRequest(750, 0.001875, 250, 0.000625));
        clock.advance(Duration.ofDays(1));
        ledger.record(SavingsTotals.ofRequest(100, 0.00025, 100, 0.00025));

        String csv = SavingsCsv.format(Rollup.DAILY, ledger.history(Rollup.DAILY));
        String[] lines = csv.split("\n");
        assertEquals(3, lines.length);
        assertEquals(SavingsCsv.HEADER, lines[0]);
        assertEquals("daily,2025-03-14T00:00:00Z,1,750,0.001875,250,0.000625,75.0", lines[1]);
        assertEquals("daily,2025-03-15T00:00:00Z,1,100,0.000250,100,0.000250,50.0", lines[2]);
    }
}
