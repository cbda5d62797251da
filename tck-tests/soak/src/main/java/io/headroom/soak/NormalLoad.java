package io.headroom.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code connections} client loops sending legitimate requests, paced to a total rate, for one phase.
 * A request cut by a planned kill (it started before the gateway went down and failed after) is
 * counted separately and retried once when the gateway is back; every other failure is unanswered.
 */
final class NormalLoad {
    static final String CUT_RETRY_OK = "cut-by-kill-retry-ok";
    static final String CUT_RETRY_FAILED = "cut-by-kill-retry-failed";

    private final NormalClient client;
    private final NormalRequests requests;
    private final GatewayState state;
    private final int connections;
    private final int ratePerSecond;
    private final AtomicLong started = new AtomicLong();

    NormalLoad(NormalClient client, NormalRequests requests, GatewayState state, int connections, int ratePerSecond) {
        this.client = client;
        this.requests = requests;
        this.state = state;
        this.connections = connections;
        this.ratePerSecond = ratePerSecond;
    }

    /** Requests started so far, over all phases (the hostile share is measured against it). */
    long started() {
        return started.get();
    }

    /** Runs one phase to its end; every outcome goes to {@code tally}, latencies of "ok" to {@code latencies}. */
    void run(String phase, Duration length, Tally tally, Percentiles latencies) throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        long intervalNanos = ratePerSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(connections) / ratePerSecond;
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                loops.add(threads.submit(() -> {
                    loop(phase, connection, deadline, intervalNanos, tally, latencies);
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private void loop(String phase, int connection, long deadline, long intervalNanos, Tally tally,
                      Percentiles latencies) throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(phase.hashCode() * 31L + connection);
        // spread the first requests over one interval so the connections do not fire in lockstep
        long nextSlot = System.nanoTime() + (intervalNanos == 0 ? 0 : rnd.nextLong(intervalNanos));
        for (long n = 0; ; n++) {
            if (intervalNanos > 0) {
                long wait = nextSlot - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                nextSlot = Math.max(nextSlot + intervalNanos, System.nanoTime() - intervalNanos);
            }
            if (System.nanoTime() >= deadline) {
                return;
            }
            long generation = state.awaitUp();
            NormalRequests.Request r = requests.next(rnd);
            String id = phase + "-" + connection + "-" + n;
            started.incrementAndGet();
            NormalClient.Result result = client.send(r, id, generation);
            String kind = phase + "/" + r.kind().label();
            if (!result.ok() && state.wasCutByPlannedStop(generation)) {
                NormalClient.Result retry = client.send(r, id + "-retry", state.awaitUp());
                tally.count(kind, retry.ok() ? CUT_RETRY_OK : CUT_RETRY_FAILED);
                continue;
            }
            tally.count(kind, result.outcome());
            if (result.ok()) {
                latencies.add(result.nanos());
            }
        }
    }
}
