package io.headroom.bench;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.nio.charset.StandardCharsets;
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
 * Context management at scale (issue 13 item 2): one chat request of {@code messages} tiny alternating
 * user / assistant messages (about 38 bytes each), far over gpt-4o's context window, fitted by the
 * default intelligent strategy. Linear work shows as 10x the time for 10x the messages. The deadline is
 * lifted so the whole pipeline is measured instead of the fail-open shortcut.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ManyMessagesBench {

    @Param({"100000", "1000000"})
    public int messages;

    private Headroom headroom;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() {
        StringBuilder sb = new StringBuilder(40 * messages).append("{\"model\":\"gpt-4o\",\"messages\":[");
        for (int i = 0; i < messages; i++) {
            if (i > 0) sb.append(',');
            sb.append(i % 2 == 0 ? "{\"role\":\"user\",\"content\":\"q" : "{\"role\":\"assistant\",\"content\":\"a")
                    .append(i).append("\"}");
        }
        body = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        headroom = Headroom.create(HeadroomConfig.defaults().toBuilder()
                .limits(l -> l.maxBodyBytes(64L << 20).compressionDeadlineMs(3_600_000)).build());
        RequestOutcome first = headroom.process(Endpoint.OPENAI_CHAT, body, io.headroom.Mode.OPTIMIZE);
        if (first.failedOpen() || !first.compressed()) {
            throw new IllegalStateException("the conversation was not fitted: " + first.transformsApplied());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        headroom.close();
    }

    @Benchmark
    public RequestOutcome fitConversation() {
        return headroom.process(Endpoint.OPENAI_CHAT, body, io.headroom.Mode.OPTIMIZE);
    }
}
