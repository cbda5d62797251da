package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CapturedLog;
import io.headroom.CcrConfig;
import io.headroom.CcrDiskSync;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.CcrStore;
import io.headroom.ErrorType;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.host.HeadroomLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.ehcache.core.spi.time.SystemTimeSource;
import org.ehcache.core.spi.time.TimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite tier behind {@code ccr.disk-path}: restarts, expiry, size cap, corrupt files, concurrency. */
class PersistentCcrStoreTest {
    private static final Instant CREATED = Instant.parse("2026-11-25T07:48:39.123456789Z");

    @TempDir
    Path dir;

    private static CcrEntry entry(String original, String tool) {
        return new CcrEntry(original, 4242, 1000, 15, tool, CREATED);
    }

    private PersistentCcrStore store(Duration ttl, long heapEntries, long diskBytes, TimeSource time) {
        return new PersistentCcrStore(ttl, heapEntries, dir, diskBytes, CcrDiskSync.NORMAL, ScopeQuota.NONE, time);
    }

    private PersistentCcrStore store() {
        return store(Duration.ofHours(1), 100, 64L << 20, SystemTimeSource.INSTANCE);
    }

    /** ~1 MB of JSON mixing ASCII, accented Latin, CJK, emoji (surrogate pairs) and escapes. */
    private static String largeNonAscii() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; sb.length() < 1_000_000; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"id\":").append(i).append(",\"msg\":\"café naïve 東京 \uD83D\uDE80 ")
                    .append("\\\"quoted\\\" \\n line ").append(i).append("\"}");
        }
        return sb.append(']').toString();
    }

    @Test
    void originalsSurviveARestartByteIdenticalWithTheirRetrievalCounts() {
        String large = largeNonAscii();
        String small = "plain ascii\r\n\ttabbed \uD800 unpaired";
        String hashLarge = ContentHash.of(large);
        String hashSmall = ContentHash.of(small);
        try (PersistentCcrStore store = store()) {
            assertTrue(store.put(hashLarge, entry(large, "search_logs")));
            assertTrue(store.put("k-tenant", hashSmall, entry(small, null)));
            assertEquals(1, store.retrieve(hashLarge).orElseThrow().retrievalCount());
        }
        assertTrue(Files.isRegularFile(dir.resolve(SqliteTier.FILE)), "the database file");

        try (PersistentCcrStore reopened = store()) {
            CcrHit hit = reopened.retrieve(hashLarge).orElseThrow();
            assertArrayEquals(large.getBytes(StandardCharsets.UTF_8), hit.entry().original().getBytes(StandardCharsets.UTF_8));
            assertEquals(entry(large, "search_logs"), hit.entry(), "metadata survives too");
            assertEquals(2, hit.retrievalCount(), "retrieval counts are persisted");

            assertTrue(reopened.retrieve(hashSmall).isEmpty(), "stored in another scope");
            CcrHit smallHit = reopened.retrieve("k-tenant", hashSmall).orElseThrow();
            assertEquals(small, smallHit.entry().original(), "an unpaired surrogate comes back as it was");
            assertNull(smallHit.entry().toolName());
            CcrStats stats = reopened.stats();
            assertEquals(2, stats.entries(), "entries are on disk");
            assertEquals(0, stats.stored(), "counters are since start");
            assertEquals(2, stats.retrievals());
            assertEquals(1, stats.misses());
            assertTrue(stats.bytes() > large.length(), "bytes held: " + stats.bytes());
        }
    }

    @Test
    void theDiskTierHoldsMoreThanTheHeapTierAndReadsThroughOnAMiss() {
        try (PersistentCcrStore store = store(Duration.ofHours(1), 2, 16L << 20, SystemTimeSource.INSTANCE)) {
            for (int i = 0; i < 50; i++) {
                assertTrue(store.put("k" + i, entry("original " + i, "t")));
            }
            for (int round = 1; round <= 2; round++) {
                for (int i = 0; i < 50; i++) {
                    CcrHit hit = store.retrieve("k" + i).orElseThrow();
                    assertEquals("original " + i, hit.entry().original());
                    assertEquals(round, hit.retrievalCount());
                }
            }
            assertEquals(50, store.stats().entries());
        }
    }

    @Test
    void aFullDiskTierRefusesInsteadOfEvictingAnotherScope() {
        String original = "x".repeat(10_000);
        long size = StoredOriginalSerializer.encodedSize(entry(original, "t"));
        try (PersistentCcrStore store = store(Duration.ofHours(1), 10, 3 * size, SystemTimeSource.INSTANCE)) {
            assertTrue(store.put("a", "h1", entry(original, "t")));
            assertTrue(store.put("b", "h2", entry(original, "t")));
            assertTrue(store.put("b", "h3", entry(original, "t")));
            assertFalse(store.put("c", "h4", entry(original, "t")), "full: refused, so its hash must not go out");
            assertFalse(store.put("c", "huge", entry("y".repeat(100_000), "t")));
            assertFalse(store.contains("c", "h4"));
            assertTrue(store.contains("a", "h1") && store.contains("b", "h2") && store.contains("b", "h3"),
                    "nobody's original made room for it");
            assertTrue(store.put("a", "h1", entry(original, "t")), "re-storing a held original needs no room");
            assertEquals(2, store.stats().refused());
        }
    }

    @Test
    void timeToLiveAppliesAndExpiredRowsArePurged() {
        ManualTime time = new ManualTime();
        try (PersistentCcrStore store = store(Duration.ofMillis(400), 10, 16L << 20, time)) {
            store.put("a", entry("A", "t"));
            assertTrue(store.contains("a"));
            assertEquals(1, store.retrieve("a").orElseThrow().retrievalCount());
        }
        time.advance(Duration.ofMillis(800));
        try (PersistentCcrStore reopened = store(Duration.ofMillis(400), 10, 16L << 20, time)) {
            assertFalse(reopened.contains("a"));
            assertTrue(reopened.retrieve("a").isEmpty());
            assertEquals(0, reopened.stats().entries());
            assertEquals(0, reopened.stats().bytes(), "the expired row was deleted at start-up");
        }
    }

    @Test
    void aRetrievalKeepsTheRemainingTimeToLiveAndAReStoreRestartsIt() {
        ManualTime time = new ManualTime();
        try (PersistentCcrStore store = store(Duration.ofMillis(600), 10, 16L << 20, time)) {
            store.put("a", entry("A", "t"));
            store.put("b", entry("B", "t"));
            time.advance(Duration.ofMillis(350));
            assertTrue(store.retrieve("a").isPresent()); // does not extend a's lifetime
            store.put("b", entry("B", "t")); // restarts b's lifetime
            time.advance(Duration.ofMillis(450));
            assertFalse(store.contains("a"), "a expired 600 ms after it was stored");
            assertTrue(store.retrieve("a").isEmpty(), "not served from the heap tier either");
            assertTrue(store.contains("b"), "b was stored again 450 ms ago");
            assertEquals(1, store.stats().entries(), "a was purged");
        }
    }

    @Test
    void aDirectoryInUseIsAConfigurationError() {
        try (PersistentCcrStore first = store()) {
            HeadroomException e = assertThrows(HeadroomException.class, this::store);
            assertEquals(ErrorType.CONFIGURATION_ERROR, e.type());
            assertTrue(e.getMessage().startsWith(CcrConfig.DISK_PATH), e.getMessage());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            first.put("still", entry("usable", "t"));
            assertTrue(first.contains("still"));
        }
        try (PersistentCcrStore afterClose = store()) {
            assertTrue(afterClose.contains("still"), "closing released the directory");
        }
    }

    @Test
    void aCorruptDatabaseIsAnErrorNamingThePathAndIsNeverDeleted() throws Exception {
        byte[] garbage = "this is not a SQLite database, but it might be someone's data".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve(SqliteTier.FILE);
        Files.write(file, garbage);
        try (CapturedLog log = CapturedLog.of(SqliteTier.class)) {
            HeadroomException e = assertThrows(HeadroomException.class, this::store);
            assertEquals(ErrorType.CONFIGURATION_ERROR, e.type());
            assertTrue(e.getMessage().startsWith(CcrConfig.DISK_PATH) && e.getMessage().contains(file.toString()),
                    e.getMessage());
            if (!HeadroomLog.usesSlf4j()) {
                assertTrue(log.messages(java.util.logging.Level.SEVERE).stream().anyMatch(m -> m.contains(file.toString())), "an ERROR names the path");
            }
        }
        assertArrayEquals(garbage, Files.readAllBytes(file), "left exactly as it was");
    }

    @Test
    void concurrentWritersAndReadersAllGetWhatTheyStored() throws Exception {
        try (PersistentCcrStore store = store(Duration.ofHours(1), 50, 64L << 20, SystemTimeSource.INSTANCE)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 200; i++) {
                            String original = "thread " + thread + " original " + i;
                            String hash = ContentHash.of(original);
                            String scope = "s" + (thread % 3);
                            if (store.put(scope, hash, entry(original, "t"))
                                    && original.equals(store.retrieve(scope, hash).orElseThrow().entry().original())) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                for (Future<Integer> f : results) {
                    assertEquals(200, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1600, store.stats().entries());
            assertEquals(1600, store.stats().retrievals());
        }
    }

    @Test
    void configSelectsTheTierAndKeepsTheHeapOnlyDefault() {
        HeadroomConfig defaults = HeadroomConfig.defaults();
        assertTrue(defaults.ccr().diskPath().isEmpty());
        try (CcrStore heap = CcrStores.create(defaults.ccr())) {
            assertInstanceOf(EhcacheCcrStore.class, heap);
        }
        HeadroomConfig disk = HeadroomConfig.fromMap(Map.of(
                CcrConfig.DISK_PATH, dir.toString(), CcrConfig.DISK_SIZE_MB, "32", CcrConfig.DISK_SYNC, "full"));
        assertEquals(CcrDiskSync.FULL, disk.ccr().diskSync());
        try (CcrStore store = CcrStores.create(disk.ccr())) {
            assertInstanceOf(PersistentCcrStore.class, store);
            assertTrue(store.put("k", entry("v", "t")));
        }
        try (CcrStore store = CcrStores.create(disk.ccr())) {
            assertEquals("v", store.retrieve("k").orElseThrow().entry().original());
        }
    }

    @Test
    void buildsUnderAForeignContextClassLoaderAndRestoresIt() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader foreign = new ClassLoader(null) { }; // sees none of the application's classes
        thread.setContextClassLoader(foreign);
        try (PersistentCcrStore store = store()) {
            assertEquals(foreign, thread.getContextClassLoader());
            store.put("k", entry("v", "t"));
            assertTrue(store.contains("k"));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void closeIsIdempotent() {
        PersistentCcrStore store = store();
        store.close();
        store.close();
    }
}
