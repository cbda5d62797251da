package io.headroom.bench;

import io.headroom.CcrConfig;
import io.headroom.CcrDiskSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a benchmark's CCR store keeps its originals in besides the heap, set on its {@link CcrConfig.Builder}: a
 * fresh temporary directory for the SQLite tier, or a redis-server started on loopback for the redis backend.
 * {@link #close()} stops the server and deletes the directory, so a trial leaves nothing behind.
 */
final class CcrBacking implements AutoCloseable {
    private Path dir;
    private LoopbackRedis redis;

    /** The SQLite tier in a new temporary directory named after {@code prefix}, syncing as {@code sync}. */
    void disk(CcrConfig.Builder ccr, String prefix, CcrDiskSync sync) throws IOException {
        dir = Files.createTempDirectory(prefix);
        ccr.diskPath(dir).diskSync(sync);
    }

    /** The redis backend ({@code ccr.backend=redis}) on a redis-server of its own. */
    void redis(CcrConfig.Builder ccr) throws IOException {
        redis = LoopbackRedis.start();
        ccr.backend(CcrConfig.BACKEND_REDIS).redisUrl(redis.url());
    }

    @Override
    public void close() throws IOException {
        if (redis != null) {
            redis.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
