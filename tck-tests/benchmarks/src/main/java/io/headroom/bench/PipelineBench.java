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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time and allocation of one proxied request through the whole pipeline
 * ({@link Headroom#process}: parse, analyse, compress, store originals in CCR, write), next to the
 * floor any JSON-rewriting proxy pays: Jackson parsing the same body to a tree and writing it back.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PipelineBench {

    /** Keep in sync with {@link BenchInputs#all()} (BenchInputsTest checks it). */
    @Param({"search_results_100", "search_results_500", "search_results_1000", "api_responses_500",
            "db_rows_1000", "string_array_100", "string_array_500", "number_array_200", "mixed_array_250",
            "corpus.anthropic_messages_600", "corpus.db_rows_1000", "corpus.file_paths_800", "corpus.grep_1200",
            "corpus.html_60", "corpus.json_logs_100", "corpus.json_logs_1000", "corpus.long_conversation_40",
            "corpus.malformed_400", "corpus.metrics_720", "corpus.pytest_log_1500", "corpus.responses_api_800",
            "corpus.search_results_500", "corpus.short_1", "corpus.user_json_300"})
    public String input;

    private Headroom headroom;
    private Endpoint endpoint;
    private byte[] body;
    private final ObjectMapper mapper = new ObjectMapper();

    @Setup(Level.Trial)
    public void setUp() {
        BenchInputs.Input in = BenchInputs.load(input);
        endpoint = in.endpoint();
        body = in.body();
        // defaults = what the gateway runs: optimize, CCR enabled (in memory)
        headroom = Headroom.create(HeadroomConfig.defaults());
        RequestOutcome first = headroom.process(endpoint, body, io.headroom.Mode.OPTIMIZE);
        if (first.failedOpen()) {
            // a benchmark of the fail-open path would measure the wrong thing
            throw new IllegalStateException("pipeline failed open on " + input);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        headroom.close();
    }

    @Benchmark
    public RequestOutcome headroomProcess() {
        return headroom.process(endpoint, body, io.headroom.Mode.OPTIMIZE);
    }

    @Benchmark
    public byte[] jacksonFloor() throws IOException {
        return mapper.writeValueAsBytes(mapper.readTree(body));
    }
}
