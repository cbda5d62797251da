package io.headroom.vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Where the pipeline runs, never on the event loop, in three lanes by body size so that no request waits behind
 * much larger ones:
 * <ul>
 *   <li><b>small</b> (up to {@value #SMALL_BODY_BYTES} bytes): Vert.x's general worker pool. Their pipeline costs
 *       microseconds to a few hundred of them; queueing them behind larger requests would only add waiting.</li>
 *   <li><b>large</b> (up to {@value #HUGE_BODY_BYTES} bytes): a pool of the configured number of workers, in
 *       arrival order. The pipeline is CPU-bound: 64 large requests at once on 20+ workers of two cores finish
 *       late together (holding 64 bodies plus their working memory); in a queue the earliest finish first.</li>
 *   <li><b>huge</b> (above that, e.g. a million tiny messages): a pool of its own with half as many workers
 *       (at least one), so a few huge bodies that take seconds each can never occupy the workers a 141 KB request
 *       needs. They wait for each other, not for the others.</li>
 * </ul>
 * With no thread count configured every body runs on the general pool (one lane).
 */
final class CompressionLanes {
    /** Name of the large-body pool (one per Vert.x instance, shared by name). */
    static final String POOL_NAME = "headroom-compression";
    /** Name of the huge-body pool. */
    static final String HUGE_POOL_NAME = "headroom-compression-huge";
    /** Bodies up to this size never wait for a Headroom pool. */
    static final int SMALL_BODY_BYTES = 64 * 1024;
    /** Bodies above this size run in the huge lane. */
    static final int HUGE_BODY_BYTES = 4 * 1024 * 1024;

    private final int threads;
    private volatile WorkerExecutor large;
    private volatile WorkerExecutor huge;

    /** @param threads workers of the large-body pool (the huge one gets half, at least one); 0: one lane */
    CompressionLanes(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("compression threads must be >= 0, got " + threads);
        }
        this.threads = threads;
    }

    /** Runs {@code work} for a body of {@code size} bytes off the event loop; completes on the caller's context. */
    <T> Future<T> run(Vertx vertx, int size, Callable<T> work) {
        if (threads == 0 || size <= SMALL_BODY_BYTES) {
            return vertx.executeBlocking(work, false);
        }
        return (size > HUGE_BODY_BYTES ? huge(vertx) : large(vertx)).executeBlocking(work, false);
    }

    private synchronized WorkerExecutor large(Vertx vertx) {
        if (large == null) {
            large = vertx.createSharedWorkerExecutor(POOL_NAME, threads);
        }
        return large;
    }

    private synchronized WorkerExecutor huge(Vertx vertx) {
        if (huge == null) {
            huge = vertx.createSharedWorkerExecutor(HUGE_POOL_NAME, Math.max(1, threads / 2));
        }
        return huge;
    }
}
