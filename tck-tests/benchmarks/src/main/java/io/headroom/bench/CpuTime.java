package io.headroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Thread CPU time and allocated bytes per {@code Headroom.process} call, next to the Jackson floor, for
 * comparing two builds on a machine shared with other work: wall-clock percentiles there mostly measure
 * how long the benchmark thread waited for a core, CPU time does not (it still varies by a few percent with
 * cache and SMT contention, so compare builds back to back). Single-threaded, default configuration.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp tck-tests/benchmarks/target/benchmarks.jar io.headroom.bench.CpuTime
 * [inputs, comma-separated] [warm-up calls] [measured calls]}.
 */
public final class CpuTime {

    private CpuTime() {
    }

    public static void main(String[] args) throws IOException {
        List<String> inputs = args.length > 0 ? List.of(args[0].split(","))
                : List.of("search_results_1000", "corpus.json_logs_1000", "db_rows_1000", "corpus.db_rows_1000",
                BenchInputs.SMALL_CHAT);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ObjectMapper mapper = new ObjectMapper();
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %10s %12s %12s %8s%n", "input", "cpu min", "cpu p50", "cpu p90",
                "alloc/call", "floor p50", "x floor");
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults())) {
            for (String name : inputs) {
                BenchInputs.Input in = BenchInputs.load(name);
                for (int i = 0; i < warmup; i++) headroom.process(in.endpoint(), in.body(), Mode.OPTIMIZE);
                long[] cpu = new long[calls];
                long allocated = 0;
                for (int i = 0; i < calls; i++) {
                    long a0 = threads.getThreadAllocatedBytes(thread);
                    long c0 = threads.getCurrentThreadCpuTime();
                    headroom.process(in.endpoint(), in.body(), Mode.OPTIMIZE);
                    cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                    allocated += threads.getThreadAllocatedBytes(thread) - a0;
                }
                for (int i = 0; i < warmup; i++) mapper.writeValueAsBytes(mapper.readTree(in.body()));
                long[] floor = new long[calls];
                for (int i = 0; i < calls; i++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    mapper.writeValueAsBytes(mapper.readTree(in.body()));
                    floor[i] = threads.getCurrentThreadCpuTime() - c0;
                }
                Arrays.sort(cpu);
                Arrays.sort(floor);
                System.out.printf(Locale.ROOT, "%-30s %7.3f ms %7.3f ms %7.3f ms %9.2f MB %9.3f ms %8.1f%n", name,
                        cpu[0] / 1e6, cpu[calls / 2] / 1e6, cpu[calls * 9 / 10] / 1e6, allocated / (double) calls / 1e6,
                        floor[calls / 2] / 1e6, (double) cpu[calls / 2] / floor[calls / 2]);
            }
        }
    }
}
