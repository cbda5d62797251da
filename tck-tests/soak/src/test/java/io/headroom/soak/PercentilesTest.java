package io.headroom.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        long[] data = new long[100];
        for (int i = 0; i < 100; i++) {
            data[99 - i] = i + 1; // unsorted on purpose
        }
        assertEquals(50, Percentiles.nearestRank(data, 50));
        assertEquals(99, Percentiles.nearestRank(data, 99));
        assertEquals(100, Percentiles.nearestRank(data, 100));
        assertEquals(1, Percentiles.nearestRank(data, 0.5));
    }

    @Test
    void smallSamplesTakeTheNextValueUp() {
        long[] data = {30, 10, 20};
        assertEquals(20, Percentiles.nearestRank(data, 50)); // ceil(1.5) = 2nd value
        assertEquals(30, Percentiles.nearestRank(data, 99));
    }

    @Test
    void emptyIsNaNAndBadPercentilesAreRefused() {
        assertTrue(Double.isNaN(Percentiles.nearestRank(new long[0], 99)));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 101));
    }

    @Test
    void collectsNanosAndReportsMillisAcrossGrowth() {
        Percentiles p = new Percentiles();
        for (int i = 1; i <= 5000; i++) {
            p.add(i * 1_000_000L);
        }
        assertEquals(5000, p.count());
        assertEquals(2500.0, p.millis(50));
        assertEquals(4950.0, p.millis(99));
    }

    @Test
    void windowsSplitThePhaseInTimeOrder() throws InterruptedException {
        Percentiles p = new Percentiles();
        p.add(5_000_000L);
        p.add(7_000_000L);
        Thread.sleep(1_100); // the next records fall in the second one-second window at the earliest
        p.add(40_000_000L);
        java.util.List<Percentiles.Window> w = p.windows(1);
        assertEquals(0, w.get(0).startSeconds());
        assertEquals(2, w.get(0).count());
        assertEquals(7.0, w.get(0).p99Millis());
        Percentiles.Window later = w.get(w.size() - 1);
        assertTrue(later.startSeconds() >= 1);
        assertEquals(1, later.count());
        assertEquals(40.0, later.p99Millis());
        assertEquals(3, w.stream().mapToInt(Percentiles.Window::count).sum());
    }
}
