package io.headroom.soak;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Mixes hostile requests into the main run: the kinds in turn, launched whenever they are below their
 * share of all requests started, with at most {@code concurrency} hostile connections open at once (so
 * the soak stays a mixed load, not a flood of held connections).
 */
final class HostileLoad {
    static final String CUT_BY_KILL = "cut-by-kill";
    static final String CUT_BY_CRASH = "cut-by-crash";

    private final List<HostileKind> kinds;
    private final HostileKind.Target target;
    private final GatewayState state;
    private final double share;
    private final Semaphore slots;
    private final int concurrency;
    private final LongSupplier normalStarted;

    HostileLoad(List<HostileKind> kinds, HostileKind.Target target, GatewayState state, double share,
                int concurrency, LongSupplier normalStarted) {
        this.kinds = kinds;
        this.target = target;
        this.state = state;
        this.share = share;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.normalStarted = normalStarted;
    }

    /** Dispatches until {@code length} is over, then waits for the hostile connections still open. */
    void run(Duration length, Tally tally) throws InterruptedException {
        if (share <= 0 || kinds.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + length.toNanos();
        long normalBase = normalStarted.getAsLong();
        double perNormal = share / (1 - share);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile");
            t.setDaemon(true);
            return t;
        });
        long launched = 0;
        try {
            while (System.nanoTime() < deadline) {
                if (launched >= perNormal * (normalStarted.getAsLong() - normalBase)
                        || !slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    Thread.sleep(20);
                    continue;
                }
                HostileKind kind = kinds.get((int) (launched++ % kinds.size()));
                threads.execute(() -> {
                    try {
                        tally.count("hostile/" + kind.name(), sendOne(kind));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        slots.release();
                    }
                });
            }
            // every hostile connection ends by itself within its hold time
            slots.tryAcquire(concurrency, target.holdMillis() + 60_000, TimeUnit.MILLISECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private String sendOne(HostileKind kind) throws InterruptedException {
        long generation = state.awaitUp();
        String label = kind.send(target);
        boolean gatewayReacted = label.contains("answered") || label.contains("refused")
                || label.contains(ForgedHeadersRequest.GRANTED);
        if (!gatewayReacted && state.wasCutByAnyStop(generation)) {
            return state.wasCutByPlannedStop(generation) ? CUT_BY_KILL : CUT_BY_CRASH;
        }
        return label;
    }
}
