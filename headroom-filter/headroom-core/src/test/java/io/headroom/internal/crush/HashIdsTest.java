package io.headroom.internal.crush;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HashIdsTest {

    @Test
    void numbersDistinctHashesDenselyInOrderOfFirstAppearance() {
        HashIds ids = new HashIds(8);
        assertEquals(0, ids.idOf(42L));
        assertEquals(1, ids.idOf(0L), "0 is a hash like any other");
        assertEquals(0, ids.idOf(42L));
        assertEquals(2, ids.idOf(-7L));
        assertEquals(1, ids.idOf(0L));
        assertEquals(3, ids.size());
    }

    @Test
    void agreesWithAMapUnderCollidingSlots() {
        // many hashes sharing their low bits force long probe runs in the small table
        SplittableRandom rnd = new SplittableRandom(9);
        int offers = 4000;
        HashIds ids = new HashIds(offers);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < offers; i++) {
            long hash = (rnd.nextLong(600) << 40) | (rnd.nextBoolean() ? 0 : 5);
            Integer want = expected.computeIfAbsent(hash, h -> expected.size());
            assertEquals(want.intValue(), ids.idOf(hash));
        }
        assertEquals(expected.size(), ids.size());
    }
}
