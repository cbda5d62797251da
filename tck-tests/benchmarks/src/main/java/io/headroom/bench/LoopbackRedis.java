package io.headroom.bench;

import io.headroom.ccr.redis.RedisServerProcess;
import java.io.IOException;

/**
 * A redis-server on a free loopback port for the benchmarks of the redis backend: the one the backend's tests
 * start ({@code /usr/bin/redis-server}, the Debian package; {@code -Dheadroom.redis-server=...} for another).
 */
final class LoopbackRedis implements AutoCloseable {
    private final RedisServerProcess process;

    private LoopbackRedis(RedisServerProcess process) {
        this.process = process;
    }

    static LoopbackRedis start() throws IOException {
        try {
            return new LoopbackRedis(RedisServerProcess.started());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting redis-server", e);
        }
    }

    String url() {
        return process.url();
    }

    @Override
    public void close() {
        try {
            process.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
