package io.headroom.micrometer;

import io.headroom.Headroom;
import io.headroom.StatsSnapshot;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@link Headroom#stats()} read at most once a second: one scrape reads several meters, and a persistent CCR
 * store answers its counts from disk.
 */
final class RecentStats {
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Headroom headroom;
    private final LongSupplier nanoTime;
    private volatile Timed last;

    private record Timed(StatsSnapshot snapshot, long atNanos) {
    }

    RecentStats(Headroom headroom) {
        this(headroom, System::nanoTime);
    }

    RecentStats(Headroom headroom, LongSupplier nanoTime) {
        this.headroom = headroom;
        this.nanoTime = nanoTime;
    }

    StatsSnapshot get() {
        long now = nanoTime.getAsLong();
        Timed current = last;
        if (current == null || now - current.atNanos() >= MAX_AGE_NANOS) {
            current = new Timed(headroom.stats(), now);
            last = current;
        }
        return current.snapshot();
    }
}
