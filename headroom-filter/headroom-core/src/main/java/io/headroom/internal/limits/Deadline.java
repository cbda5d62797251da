package io.headroom.internal.limits;

import java.util.function.LongSupplier;

/**
 * The per-request compression deadline ({@code compression-deadline-ms}), checked cooperatively: the
 * pipeline's loops call {@link #check()} between units of work, and the first check past the deadline
 * throws {@link DeadlineExceeded}, which the request processor turns into forwarding the original
 * unchanged. No thread is interrupted, so a check can only come late by the one unit of work in
 * progress (one tool output's compression, a few thousand messages of a scan). Not thread-safe: one per
 * request.
 */
public final class Deadline {
    /** A deadline that never passes (tests, and callers with their own bound). */
    public static final Deadline NONE = new Deadline(() -> 0L, Long.MAX_VALUE, Long.MAX_VALUE);

    /** Loops over many small items read the clock once per this many {@link #tick()}s. */
    private static final int TICKS_PER_CHECK = 1024;

    private final LongSupplier nanoTime;
    private final long endNanos;
    private final long budgetMillis;
    private int ticks;

    private Deadline(LongSupplier nanoTime, long endNanos, long budgetMillis) {
        this.nanoTime = nanoTime;
        this.endNanos = endNanos;
        this.budgetMillis = budgetMillis;
    }

    /** A deadline {@code millis} after now on {@code nanoTime} ({@code System::nanoTime} in production). */
    public static Deadline after(long millis, LongSupplier nanoTime) {
        return new Deadline(nanoTime, nanoTime.getAsLong() + millis * 1_000_000L, millis);
    }

    /**
     * Milliseconds left before the deadline passes (0 once it has; {@link Long#MAX_VALUE} for {@link #NONE}): for
     * work that cannot be checked cooperatively, such as an OCR process, and must be given a timeout instead.
     */
    public long remainingMillis() {
        if (this == NONE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (endNanos - nanoTime.getAsLong()) / 1_000_000L);
    }

    /** @throws DeadlineExceeded when the deadline has passed */
    public void check() {
        if (this != NONE && nanoTime.getAsLong() - endNanos > 0) {
            throw new DeadlineExceeded(budgetMillis);
        }
    }

    /** As {@link #check()}, reading the clock only every {@value #TICKS_PER_CHECK} calls: for per-item loops. */
    public void tick() {
        if (++ticks >= TICKS_PER_CHECK) {
            ticks = 0;
            check();
        }
    }
}
