package io.headroom.internal.limits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void passesOnlyAfterItsBudget() {
        Deadline d = Deadline.after(2000, now::get);
        now.addAndGet(2000 * 1_000_000L);
        assertDoesNotThrow(d::check, "exactly at the deadline is still in time");
        now.incrementAndGet();
        DeadlineExceeded e = assertThrows(DeadlineExceeded.class, d::check);
        assertEquals(2000, e.budgetMillis());
    }

    @Test
    void ticksReadTheClockOncePerBatch() {
        AtomicLong reads = new AtomicLong();
        Deadline d = Deadline.after(1, () -> {
            reads.incrementAndGet();
            return now.get();
        });
        now.addAndGet(10_000_000L); // already past
        for (int i = 0; i < 1023; i++) d.tick();
        assertEquals(1, reads.get(), "only the start was read");
        assertThrows(DeadlineExceeded.class, d::tick);
    }

    @Test
    void remainingMillisCountsDownToZero() {
        Deadline d = Deadline.after(2000, now::get);
        assertEquals(2000, d.remainingMillis());
        now.addAndGet(1500 * 1_000_000L);
        assertEquals(500, d.remainingMillis());
        now.addAndGet(1000 * 1_000_000L);
        assertEquals(0, d.remainingMillis(), "past: nothing left, never negative");
        assertEquals(Long.MAX_VALUE, Deadline.NONE.remainingMillis());
    }

    @Test
    void noneNeverPasses() {
        for (int i = 0; i < 5000; i++) Deadline.NONE.tick();
        assertDoesNotThrow(Deadline.NONE::check);
    }
}
