package io.headroom.bench;

import io.headroom.CcrConfig;
import io.headroom.CcrDiskSync;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.io.IOException;
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
 * What the gateway adds to the 1K-item JSON request ({@code search_results_1000}) with each CCR backend: the
 * whole {@link Headroom#process} (parse, compress, store the original, write) as in {@link PipelineBench}, the
 * store being the embedded heap, heap + SQLite ({@code disk-sync=normal}, the default with a disk path) or the
 * redis backend on a loopback redis-server. Every call stores the same original again (same hash): the put
 * costs a full write each time, as for a new one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CcrBackendOverheadBench {
    @Param({"ehcache-heap", "ehcache-disk", "redis"})
    public String backend;

    private final CcrBacking backing = new CcrBacking();
    private Headroom headroom;
    private Endpoint endpoint;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BenchInputs.Input in = BenchInputs.load("search_results_1000");
        endpoint = in.endpoint();
        body = in.body();
        headroom = Headroom.create(HeadroomConfig.defaults().toBuilder().ccr(this::configure).build());
        RequestOutcome first = headroom.process(endpoint, body, io.headroom.Mode.OPTIMIZE);
        if (!first.compressed() || first.failedOpen()) {
            throw new IllegalStateException("the 1K-item request must be compressed with " + backend + ", got " + first);
        }
    }

    private void configure(CcrConfig.Builder ccr) {
        try {
            switch (backend) {
                case "ehcache-heap" -> { }
                case "ehcache-disk" -> backing.disk(ccr, "ccr-backend-bench", CcrDiskSync.NORMAL);
                case "redis" -> backing.redis(ccr);
                default -> throw new IllegalArgumentException("backend " + backend);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        headroom.close();
        backing.close();
    }

    @Benchmark
    public RequestOutcome headroomProcess() {
        return headroom.process(endpoint, body, io.headroom.Mode.OPTIMIZE);
    }
}
