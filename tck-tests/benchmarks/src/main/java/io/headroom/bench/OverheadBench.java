package io.headroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the filter costs on a request it leaves alone: a short chat whose tool result is far below
 * every compression threshold. {@code optimize} is the normal path (the body is analysed and
 * forwarded unchanged), {@code passthrough} the bypass path, {@code jacksonFloor} the parse+write of
 * the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OverheadBench {

    private Headroom headroom;
    private byte[] body;
    private final ObjectMapper mapper = new ObjectMapper();

    @Setup(Level.Trial)
    public void setUp() {
        body = BenchInputs.load(BenchInputs.SMALL_CHAT).body();
        headroom = Headroom.create(HeadroomConfig.defaults());
        RequestOutcome first = headroom.process(Endpoint.OPENAI_CHAT, body, io.headroom.Mode.OPTIMIZE);
        if (first.compressed() || first.failedOpen()) {
            throw new IllegalStateException("the small request must pass unchanged, got " + first);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        headroom.close();
    }

    @Benchmark
    public RequestOutcome optimize() {
        return headroom.process(Endpoint.OPENAI_CHAT, body, io.headroom.Mode.OPTIMIZE);
    }

    @Benchmark
    public RequestOutcome passthrough() {
        return headroom.process(Endpoint.OPENAI_CHAT, body, io.headroom.Mode.PASSTHROUGH);
    }

    @Benchmark
    public byte[] jacksonFloor() throws IOException {
        return mapper.writeValueAsBytes(mapper.readTree(body));
    }
}
