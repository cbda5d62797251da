package io.headroom.internal.limits;

/** Thrown by {@link Deadline#check()}; carries no stack trace (it is flow control, not a fault). */
public final class DeadlineExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long budgetMillis;

    DeadlineExceeded(long budgetMillis) {
        super("compression deadline of " + budgetMillis + " ms passed", null, false, false);
        this.budgetMillis = budgetMillis;
    }

    public long budgetMillis() {
        return budgetMillis;
    }
}
