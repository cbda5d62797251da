package io.headroom.sample.savings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.host.TenantScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 6: the per-tenant daily spend was kept only in memory, so a restart gave every tenant over
 * its budget a fresh one. It now lives in the savings file next to the global total: same flush, same atomic
 * write, loaded on start for the same UTC day only, bounded per day, and never holding a credential.
 */
class TenantSpendPersistenceTest {
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final Duration NEVER = Duration.ofHours(1);
    private static final Instant MORNING = Instant.parse("2025-03-14T10:00:00Z");
    private static final String TENANT_A = TenantScope.ofCredential("sk-tenant-a-not-real");
    private static final String TENANT_B = TenantScope.ofCredential("sk-tenant-b-not-real");

    @TempDir
    Path dir;

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Logger savingsLog = Logger.getLogger(SavingsFile.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        savingsLog.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        savingsLog.removeHandler(capture);
    }

    @Test
    void tenantSpendSurvivesARestartOnTheSameDay() {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(MORNING);
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            s.tenants().add(TENANT_A, 2.50);
            s.tenants().add(TENANT_A, 0.25);
            s.tenants().add(null, 0.10);
        }
        clock.advance(Duration.ofHours(13)); // 23:00 UTC, still the same day

        try (PersistentSavings again = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            TenantSpend tenants = again.tenants();
            assertEquals(2.75, tenants.spentToday(TENANT_A), 1e-12);
            assertEquals(0.10, tenants.spentToday(""), 1e-12, "anonymous callers are one tenant");
            assertEquals(0.0, tenants.spentToday(TENANT_B));
            assertEquals(2, tenants.tenantsToday());
            assertEquals(1, tenants.tenantsOver(2.0), "A is still over a 2 USD budget");
        }
        assertTrue(warnings.isEmpty(), "a clean file loads silently: " + warnings);
    }

    @Test
    void thePeriodicFlushKeepsTenantSpendWithoutAShutdown() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(MORNING);
        try (PersistentSavings running = PersistentSavings.open(file, Duration.ofMillis(50), RETENTION, clock)) {
            running.tenants().add(TENANT_A, 3.0);
            // as after a SIGKILL: the running instance never closes before the file is read back
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            SavingsFile.Contents stored = null;
            while (System.nanoTime() < deadline) {
                stored = new SavingsFile(file).load().orElse(null);
                if (stored != null && stored.tenants() != null && !stored.tenants().spent().isEmpty()) {
                    break;
                }
                Thread.sleep(20);
            }
            assertTrue(stored != null && stored.tenants() != null, "written by the background flusher");
            assertEquals(3.0, stored.tenants().spent().get(TENANT_A));
            assertEquals(LocalDate.parse("2025-03-14"), stored.tenants().day());
            TenantSpend reloaded = new TenantSpend(clock, TenantSpend.DEFAULT_MAX_TENANTS, stored.tenants());
            assertEquals(3.0, reloaded.spentToday(TENANT_A));
        }
    }

    @Test
    void spendIsKeptUntilUtcMidnightAndAFileOfAnEarlierDayStartsAFreshOne() {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T23:00:00Z"));
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            s.ledger().record(SavingsTotals.ofRequest(100, 0.00025, 400, 0.001));
            s.tenants().add(TENANT_A, 5.0);
        }
        clock.set(Instant.parse("2025-03-14T23:59:59Z"));
        try (PersistentSavings sameDay = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            assertEquals(5.0, sameDay.tenants().spentToday(TENANT_A));
        }
        clock.set(Instant.parse("2025-03-15T00:00:01Z"));

        try (PersistentSavings nextDay = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            assertEquals(0.0, nextDay.tenants().spentToday(TENANT_A), "a fresh budget on the new UTC day");
            assertEquals(0, nextDay.tenants().tenantsToday());
            assertEquals(1, nextDay.ledger().lifetime().requests(), "the savings history is not touched");
        }
        assertTrue(warnings.isEmpty(), "an earlier day is not an error: " + warnings);
    }

    @Test
    void midnightUtcRollsARunningGatewayOverAndTheNextWriteHoldsTheNewDay() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T23:59:59Z"));
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            s.tenants().add(TENANT_A, 4.0);
            s.flush();
            clock.advance(Duration.ofSeconds(2));
            assertEquals(0.0, s.tenants().spentToday(TENANT_A));
            s.tenants().add(TENANT_B, 0.5);
        }
        SavingsFile.Contents stored = new SavingsFile(file).load().orElseThrow();
        assertEquals(LocalDate.parse("2025-03-15"), stored.tenants().day());
        assertEquals(List.of(TENANT_B), List.copyOf(stored.tenants().spent().keySet()));
    }

    @Test
    void aTruncatedFileStartsEmptyWithOneWarningAndIsWrittenAfreshNext() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(MORNING);
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            s.tenants().add(TENANT_A, 2.0);
        }
        byte[] whole = Files.readAllBytes(file);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2); // e.g. a disk that filled up under another tool
        Files.write(file, truncated);

        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            assertEquals(0.0, s.tenants().spentToday(TENANT_A));
            assertEquals(SavingsTotals.ZERO, s.ledger().lifetime());
            s.tenants().add(TENANT_B, 1.0);
        }
        assertEquals(1, warnings.size(), "one WARN line: " + warnings);
        assertArrayEquals(truncated, Files.readAllBytes(dir.resolve("proxy_savings.json.corrupt")));
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            assertEquals(1.0, s.tenants().spentToday(TENANT_B), "tracking went on in a fresh, readable file");
        }
        assertEquals(1, warnings.size());
    }

    @Test
    void aTenantSectionOfTheWrongShapeCountsAsCorrupt() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        String savings = "\"version\": 1, \"since\": \"2025-03-01T00:00:00Z\", \"lifetime\": {\"requests\": 0, "
                + "\"tokens_saved\": 0, \"compression_savings_usd\": 0.0, \"input_tokens\": 0, \"cost_usd\": 0.0}, "
                + "\"hourly\": {}";
        for (String tenants : new String[] {
                "{\"day\": \"2025-03-14\", \"tenants\": {\"sk-live-a-raw-credential\": 1.0}}",
                "{\"day\": \"2025-03-14\", \"tenants\": {\"" + TENANT_A + "\": -1.0}}",
                "{\"day\": \"2025-03-14\", \"tenants\": {\"" + TENANT_A + "\": \"2.0\"}}",
                "{\"day\": \"yesterday\", \"tenants\": {}}",
                "[]"}) {
            Files.writeString(file, "{" + savings + ", \"tenant_spend\": " + tenants + "}");
            assertTrue(new SavingsFile(file).load().isEmpty(), tenants);
        }
        assertEquals(5, warnings.size());
    }

    @Test
    void aFileOfAnOlderGatewayWithoutTenantSpendStillLoads() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        Files.writeString(file, "{\"version\": 1, \"since\": \"2025-03-01T00:00:00Z\", \"lifetime\": {\"requests\": 3, "
                + "\"tokens_saved\": 0, \"compression_savings_usd\": 0.0, \"input_tokens\": 0, \"cost_usd\": 0.0}, "
                + "\"hourly\": {}}");
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, new MutableClock(MORNING))) {
            assertEquals(3, s.ledger().lifetime().requests());
            assertEquals(0, s.tenants().tenantsToday());
        }
        assertTrue(warnings.isEmpty());
    }

    @Test
    void pastTheCapNewTenantsShareTheOverflowBudget() {
        TenantSpend spend = new TenantSpend(new MutableClock(MORNING), 2);
        spend.add(TENANT_A, 1.0);
        spend.add(TENANT_B, 1.0);
        String c = TenantScope.ofCredential("sk-tenant-c-not-real");
        String d = TenantScope.ofCredential("sk-tenant-d-not-real");
        assertEquals(0.0, spend.spentToday(c), "nothing booked past the cap yet");
        spend.add(TenantScope.ofCredential("sk-unpriced-model"), 0.0);
        assertEquals(2, spend.tenantsToday(), "a free answer takes no place under the cap");

        spend.add(c, 1.5);
        assertEquals(1.5, spend.spentToday(c));
        assertEquals(1.5, spend.spentToday(d), "a new caller is budgeted against the shared overflow");
        spend.add(d, 1.0);
        assertEquals(2.5, spend.spentToday(c));
        spend.add(TENANT_A, 0.5);
        assertEquals(1.5, spend.spentToday(TENANT_A), "tenants kept before the cap keep their own entry");
        assertEquals(3, spend.tenantsToday(), "two tenants and the overflow");
        assertEquals(TenantSpend.OVERFLOW, spend.snapshot().spent().keySet().stream().sorted().toList().get(2));
    }

    @Test
    void aLowerCapOnRestartFoldsTheExcessIntoTheOverflowSoNoSpendIsLost() {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(MORNING);
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, 100, clock)) {
            for (int i = 0; i < 5; i++) {
                s.tenants().add(TenantScope.ofCredential("sk-tenant-" + i), 1.0);
            }
        }
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, 3, clock)) {
            TenantSpend.Snapshot kept = s.tenants().snapshot();
            assertEquals(4, kept.spent().size(), "three tenants and the overflow");
            assertEquals(5.0, kept.spent().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
            assertEquals(2.0, kept.spent().get(TenantSpend.OVERFLOW), 1e-12);
        }
    }

    @Test
    void noCredentialIsEverWrittenToTheFile() throws Exception {
        Path file = dir.resolve("proxy_savings.json");
        MutableClock clock = new MutableClock(MORNING);
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            s.tenants().add("sk-live-raw-credential-42", 1.0);
            assertEquals(1.0, s.tenants().spentToday("sk-live-raw-credential-42"));
            s.tenants().add(TenantSpend.OVERFLOW, 2.0); // a caller cannot name a shared tenant either
            assertEquals(2.0, s.tenants().spentToday(TenantSpend.OVERFLOW));
            assertEquals(2, s.tenants().tenantsToday());
        }
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(written.contains("sk-live-raw-credential-42"), written);
        assertFalse(written.contains("\"overflow\""), written);
        try (PersistentSavings s = PersistentSavings.open(file, NEVER, RETENTION, clock)) {
            assertEquals(1.0, s.tenants().spentToday("sk-live-raw-credential-42"));
        }
    }
}
