package io.headroom.bench;

import io.headroom.CcrConfig;
import io.headroom.CcrDiskSync;
import io.headroom.CcrEntry;
import io.headroom.CcrStore;
import io.headroom.HeadroomConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one CCR put (a new original: in steady state its scope also evicts its least recently used one)
 * and of one retrieval, for the heap-only store, the SQLite tier under both {@code ccr.disk-sync}
 * policies and the redis backend ({@code ccr.backend=redis}) against a redis-server this benchmark starts on
 * loopback. The store is the one the engine builds from its config, like the gateway's; the originals are a
 * realistic tool-output size.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CcrStoreBench {
    /** heap: no disk path; normal / full: SQLite with that {@code ccr.disk-sync}; redis: the redis backend. */
    @Param({"heap", "normal", "full", "redis"})
    public String tier;

    @Param({"2048", "65536"})
    public int originalBytes;

    private final CcrBacking backing = new CcrBacking();
    private CcrStore store;
    private CcrEntry entry;
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        CcrConfig.Builder ccr = CcrConfig.builder();
        if (tier.equals("redis")) {
            backing.redis(ccr);
        } else if (!tier.equals("heap")) {
            backing.disk(ccr, "ccr-bench", CcrDiskSync.parse(tier));
        }
        store = StoreOf.headroom(HeadroomConfig.defaults().toBuilder().ccr(b -> copy(ccr, b)).build());
        entry = new CcrEntry("x".repeat(originalBytes), originalBytes / 4, 100, 15, "search", Instant.EPOCH);
        for (int i = 0; i < 3_000; i++) { // past the scope quota: every measured put also evicts one
            store.put(key(next++), entry);
        }
    }

    private static void copy(CcrConfig.Builder from, CcrConfig.Builder to) {
        CcrConfig c = from.build();
        c.diskPath().ifPresent(to::diskPath);
        c.redisUrl().ifPresent(to::redisUrl);
        to.diskSync(c.diskSync()).backend(c.backend());
    }

    private static String key(long n) {
        return String.format("%024x", n);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        backing.close();
    }

    @Benchmark
    public boolean put() {
        return store.put(key(next++), entry);
    }

    @Benchmark
    public Object retrieveRecent() {
        return store.retrieve(key(next - 1 - (next % 1000))).orElseThrow();
    }

    /**
     * The embedded store the engine would build for {@code config}. Its factory is internal (hosts and this
     * module may not compile against {@code io.headroom.internal}), so it is looked up by name, as
     * {@code io.headroom.EngineBinding} finds the engine.
     */
    static final class StoreOf {
        private StoreOf() {
        }

        static CcrStore headroom(HeadroomConfig config) {
            try {
                return (CcrStore) Class.forName("io.headroom.internal.ccr.CcrStores")
                        .getMethod("create", CcrConfig.class).invoke(null, config.ccr());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the core's embedded CCR store factory", e);
            }
        }
    }
}
