package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrHit;
import io.headroom.CcrStats;
import io.headroom.ErrorType;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CcrDiskStoreTest {
    private static final Instant CREATED = Instant.parse("2026-11-25T07:48:39.123456789Z");

    @TempDir
    Path dir;

    private static CcrEntry entry(String original, String tool) {
        return new CcrEntry(original, 4242, 1000, 15, tool, CREATED);
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
        String small = "plain ascii\r\n\ttabbed";
        String hashLarge = ContentHash.of(large);
        String hashSmall = ContentHash.of(small);
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofHours(1), 100, dir, 64)) {
            store.put(hashLarge, entry(large, "search_logs"));
            store.put(hashSmall, entry(small, null));
            assertEquals(1, store.retrieve(hashLarge).orElseThrow().retrievalCount());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.anyMatch(Files::isRegularFile), "the disk tier wrote files");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        try (EhcacheCcrStore reopened = new EhcacheCcrStore(Duration.ofHours(1), 100, dir, 64)) {
            CcrHit hit = reopened.retrieve(hashLarge).orElseThrow();
            assertEquals(large.length(), hit.entry().original().length());
            assertArrayEquals(large.getBytes(StandardCharsets.UTF_8), hit.entry().original().getBytes(StandardCharsets.UTF_8));
            assertEquals(hashLarge, ContentHash.of(hit.entry().original()));
            assertEquals(entry(large, "search_logs"), hit.entry(), "metadata survives too");
            assertEquals(2, hit.retrievalCount(), "retrieval counts are persisted with the value");

            CcrHit smallHit = reopened.retrieve(hashSmall).orElseThrow();
            assertEquals(small, smallHit.entry().original());
            assertNull(smallHit.entry().toolName());
            assertEquals(new CcrStats(2, 0, 2, 0), reopened.stats(), "entries are on disk; counters are since start");
        }
    }

    @Test
    void theDiskTierHoldsMoreThanTheHeapTier() {
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofHours(1), 2, dir, 16)) {
            for (int i = 0; i < 50; i++) {
                store.put("k" + i, entry("original " + i, "t"));
            }
            for (int i = 0; i < 50; i++) {
                assertEquals("original " + i, store.retrieve("k" + i).orElseThrow().entry().original());
            }
            assertEquals(50, store.stats().entries());
        }
    }

    @Test
    void putReportsAnOriginalTooLargeForTheDiskTier() {
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofHours(1), 10, dir, 1)) { // 1 MB: 64 KB segments
            assertTrue(store.put("small", entry("fits", "t")));
            assertFalse(store.put("huge", entry("x".repeat(2_000_000), "t")), "refused, so its hash must not go out");
            assertFalse(store.contains("huge"));
            assertTrue(store.put("small again", entry("fits", "t")), "the store keeps working");
        }
    }

    @Test
    void timeToLiveAppliesWithTheDiskTierAndAcrossARestart() throws Exception {
        ManualTime time = new ManualTime();
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofMillis(400), 10, dir, 16, time)) {
            store.put("a", entry("A", "t"));
            assertTrue(store.contains("a"));
            assertEquals(1, store.retrieve("a").orElseThrow().retrievalCount());
        }
        time.advance(Duration.ofMillis(800));
        try (EhcacheCcrStore reopened = new EhcacheCcrStore(Duration.ofMillis(400), 10, dir, 16, time)) {
            assertFalse(reopened.contains("a"));
            assertTrue(reopened.retrieve("a").isEmpty());
            assertEquals(0, reopened.stats().entries());
        }
    }

    @Test
    void aRetrievalKeepsTheRemainingTimeToLiveAndAReStoreRestartsIt() throws Exception {
        ManualTime time = new ManualTime();
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofMillis(600), 10, dir, 16, time)) {
            store.put("a", entry("A", "t"));
            store.put("b", entry("B", "t"));
            time.advance(Duration.ofMillis(350));
            assertTrue(store.retrieve("a").isPresent()); // does not extend a's lifetime
            store.put("b", entry("B", "t")); // restarts b's lifetime
            time.advance(Duration.ofMillis(450));
            assertFalse(store.contains("a"), "a expired 600 ms after it was stored");
            assertTrue(store.contains("b"), "b was stored again 450 ms ago");
        }
    }

    @Test
    void aDirectoryInUseIsAConfigurationError() {
        try (EhcacheCcrStore first = new EhcacheCcrStore(Duration.ofHours(1), 10, dir, 16)) {
            HeadroomException e = assertThrows(HeadroomException.class, () -> new EhcacheCcrStore(Duration.ofHours(1), 10, dir, 16));
            assertEquals(ErrorType.CONFIGURATION_ERROR, e.type());
            assertTrue(e.getMessage().startsWith(CcrConfig.DISK_PATH), e.getMessage());
            first.put("still", entry("usable", "t"));
            assertTrue(first.contains("still"));
        }
    }

    @Test
    void configSelectsTheTierAndKeepsTheHeapOnlyDefault() {
        HeadroomConfig defaults = HeadroomConfig.defaults();
        assertTrue(defaults.ccr().diskPath().isEmpty());
        assertEquals(512, defaults.ccr().diskSizeMb());
        assertEquals(Duration.ofHours(1), defaults.ccr().ttl());

        HeadroomConfig disk = HeadroomConfig.fromMap(Map.of(
                CcrConfig.DISK_PATH, dir.toString(), CcrConfig.DISK_SIZE_MB, "32"));
        assertEquals(dir, disk.ccr().diskPath().orElseThrow());
        assertEquals(32, disk.ccr().diskSizeMb());
        assertEquals(disk.toString(), disk.toBuilder().build().toString());
        try (EhcacheCcrStore store = EhcacheCcrStore.create(disk.ccr())) {
            store.put("k", entry("v", "t"));
        }
        try (EhcacheCcrStore store = EhcacheCcrStore.create(disk.ccr())) {
            assertEquals("v", store.retrieve("k").orElseThrow().entry().original());
        }

        HeadroomException e = assertThrows(HeadroomException.class,
                () -> HeadroomConfig.fromMap(Map.of(CcrConfig.DISK_SIZE_MB, "0")));
        assertEquals(ErrorType.CONFIGURATION_ERROR, e.type());
    }

    @Test
    void buildsUnderAForeignContextClassLoaderAndRestoresIt() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader foreign = new ClassLoader(null) { }; // sees none of the application's classes
        thread.setContextClassLoader(foreign);
        try (EhcacheCcrStore store = new EhcacheCcrStore(Duration.ofHours(1), 10, dir, 16)) {
            assertEquals(foreign, thread.getContextClassLoader());
            store.put("k", entry("v", "t"));
            assertTrue(store.contains("k"));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
