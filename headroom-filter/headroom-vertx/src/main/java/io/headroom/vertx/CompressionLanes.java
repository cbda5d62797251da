package io.headroom.vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Where the pipeline runs, never on the event loop. Small bodies use Vert.x's general worker pool: their
 * pipeline costs microseconds to a few hundred of them, so queueing them behind 300 KB requests would only
 * add waiting. With a thread count configured, larger bodies queue in arrival order for a pool of that many
 * workers: the pipeline is CPU-bound, and 64 large requests running at once on 20+ workers of two cores
 * finish late together (holding 64 bodies plus their working memory), whereas in a queue the earliest
 * finish first and throughput stays at what the cores can do.
 */
final class CompressionLanes {
    /** Name of the large-body pool (one per Vert.x instance, shared by name). */
    static final String POOL_NAME = "headroom-compression";
    /** Bodies up to this size never wait for the large-body pool. */
    static final int SMALL_BODY_BYTES = 64 * 1024;

    private final int threads;
    private volatile WorkerExecutor pool;

    /** @param threads workers of the large-body pool; 0 runs every body on the general worker pool */
    CompressionLanes(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("compression threads must be >= 0, got " + threads);
        }
        this.threads = threads;
    }

    /** Runs {@code work} for a body of {@code size} bytes off the event loop; completes on the caller's context. */
    <T> Future<T> run(Vertx vertx, int size, Callable<T> work) {
        if (threads > 0 && size > SMALL_BODY_BYTES) {
            return pool(vertx).executeBlocking(work, false);
        }
        return vertx.executeBlocking(work, false);
    }

    private WorkerExecutor pool(Vertx vertx) {
        WorkerExecutor p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = vertx.createSharedWorkerExecutor(POOL_NAME, threads);
                    pool = p;
                }
            }
        }
        return p;
    }
}
