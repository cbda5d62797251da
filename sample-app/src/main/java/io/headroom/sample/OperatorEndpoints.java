package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Headroom;
import io.headroom.StatsSnapshot;
import io.headroom.sample.stats.RequestLog;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The original proxy's operator actions its TypeScript SDK calls, guarded like every operator endpoint
 * ({@link AdminAccess}): {@code POST /stats/reset} ({@code {"status": "reset"}}; the session counters of
 * {@code /stats} and {@code /health} and the session cost start again, durable savings stay),
 * {@code POST /cache/clear} ({@code {"status": "cache disabled"}}, the original's answer without a response
 * cache: the gateway has none, and the CCR store is not a cache to clear — its originals back markers a model
 * may still ask for) and {@code GET /debug/memory} (the original's report shape plus the SDK's
 * {@code process_memory}).
 */
@ApplicationScoped
public class OperatorEndpoints {
    private static final double MB = 1024.0 * 1024.0;

    private final Headroom headroom;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final BlockingJson blocking;
    private final StatsBaseline baseline;
    private final SavingsTracker savings;
    private final BudgetGuard guard;
    private final RequestLog requestLog;

    public OperatorEndpoints(Headroom headroom, ObjectMapper mapper, RequestBodies bodies, BlockingJson blocking,
                             StatsBaseline baseline, SavingsTracker savings, BudgetGuard guard, RequestLog requestLog) {
        this.requestLog = requestLog;
        this.headroom = headroom;
        this.mapper = mapper;
        this.bodies = bodies;
        this.blocking = blocking;
        this.baseline = baseline;
        this.savings = savings;
        this.guard = guard;
    }

    void register(@Observes Router router) {
        router.post("/stats/reset").handler(this::reset).failureHandler(bodies.failures());
        router.post("/cache/clear").handler(this::clearCache).failureHandler(bodies.failures());
        router.get("/debug/memory").handler(this::memory).failureHandler(bodies.failures());
    }

    private void reset(RoutingContext rc) {
        blocking.respond(rc, () -> {
            baseline.reset(headroom.stats(), guard.rejected(), guard.failed());
            savings.resetSession();
            requestLog.resetSession();
            return mapper.writeValueAsBytes(mapper.createObjectNode().put("status", "reset"));
        });
    }

    private void clearCache(RoutingContext rc) {
        ApiResponses.json(rc.response(), 200, "{\"status\":\"cache disabled\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void memory(RoutingContext rc) {
        blocking.respond(rc, () -> mapper.writeValueAsBytes(memoryReport()));
    }

    /** The original's {@code MemoryReport.to_dict()} fields, with the JVM's heap and the CCR store as components. */
    ObjectNode memoryReport() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = procStatus("VmRSS:").orElse(Runtime.getRuntime().totalMemory());
        long vms = procStatus("VmSize:").orElse(heap.getCommitted());
        long max = heap.getMax() > 0 ? heap.getMax() : Runtime.getRuntime().maxMemory();
        double percent = max > 0 ? 100.0 * heap.getUsed() / max : 0.0;
        StatsSnapshot s = headroom.stats();

        ObjectNode out = mapper.createObjectNode();
        ObjectNode process = out.putObject("process");
        process.put("rss_bytes", rss);
        process.put("rss_mb", round(rss / MB));
        process.put("vms_bytes", vms);
        process.put("vms_mb", round(vms / MB));
        process.put("percent", round(percent));
        ObjectNode components = out.putObject("components");
        ObjectNode jvm = components.putObject("jvm_heap");
        jvm.put("name", "jvm_heap");
        jvm.put("size_bytes", heap.getUsed());
        jvm.put("size_mb", round(heap.getUsed() / MB));
        jvm.put("budget_bytes", max);
        jvm.put("budget_mb", round(max / MB));
        jvm.put("memory_mb", round(heap.getUsed() / MB)); // the SDK's MemoryUsage.components
        ObjectNode ccr = components.putObject("ccr_store");
        ccr.put("name", "ccr_store");
        ccr.put("entry_count", s.ccrEntries());
        ccr.put("size_bytes", s.ccrBytes());
        ccr.put("size_mb", round(s.ccrBytes() / MB));
        ccr.put("memory_mb", round(s.ccrBytes() / MB));
        ccr.put("evictions", s.ccrEvicted());
        ccr.put("hits", s.ccrRetrievals());
        ccr.put("misses", s.ccrMisses());
        long tracked = heap.getUsed();
        out.put("total_tracked_bytes", tracked);
        out.put("total_tracked_mb", round(tracked / MB));
        out.put("target_budget_bytes", max);
        out.put("target_budget_mb", round(max / MB));
        out.put("timestamp", Instant.now().toEpochMilli() / 1000.0);
        // the SDK's MemoryUsage type names the process block process_memory {rss, vms, percent}
        ObjectNode sdk = out.putObject("process_memory");
        sdk.put("rss", rss);
        sdk.put("vms", vms);
        sdk.put("percent", round(percent));
        return out;
    }

    /** A {@code kB} line of /proc/self/status in bytes; empty off Linux. */
    private static OptionalLong procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).strip().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs: fall back to the JVM's own figures
        }
        return OptionalLong.empty();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
