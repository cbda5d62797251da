package io.headroom.sample;

import io.headroom.Headroom;
import io.headroom.StatsSnapshot;
import io.headroom.sample.savings.SavingsTotals;
import io.headroom.sample.stats.PrometheusText;
import io.headroom.sample.stats.RequestLog;
import io.headroom.sample.stats.TimingStats;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code GET /metrics} (an operator endpoint, {@link AdminAccess}) as the original proxy answers it: Prometheus
 * text format 0.0.4 ({@code text/plain; version=0.0.4}, whatever the {@code Accept}), its families and names
 * first ({@code headroom_requests_total} without labels, {@code headroom_tokens_input/output/saved_total},
 * {@code headroom_persistent_savings_*_total}, {@code headroom_latency_ms_*}, {@code headroom_overhead_ms_*},
 * {@code headroom_ttfb_ms_*}, {@code headroom_requests_by_provider/model}), then the gateway's Micrometer meters
 * (compression ratio and pipeline latency histograms, CCR, pass-through, JVM) except the two families the
 * original's names already cover. Counters count since start: {@code POST /stats/reset} does not reset them, so
 * Prometheus never sees a counter go down. Micrometer's own content-negotiated scrape (OpenMetrics for clients
 * that ask) stays at {@code /metrics/micrometer}.
 */
@ApplicationScoped
public class MetricsEndpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Micrometer families replaced by the original's unlabelled ones above. */
    private static final Set<String> REPLACED = Set.of("headroom_requests_total", "headroom_tokens_saved_total");

    private final Headroom headroom;
    private final SavingsTracker savings;
    private final BudgetGuard guard;
    private final RequestLog requestLog;
    private final PrometheusMeterRegistry registry;
    private final RequestBodies bodies;

    public MetricsEndpoint(Headroom headroom, SavingsTracker savings, BudgetGuard guard, RequestLog requestLog,
                           PrometheusMeterRegistry registry, RequestBodies bodies) {
        this.headroom = headroom;
        this.savings = savings;
        this.guard = guard;
        this.requestLog = requestLog;
        this.registry = registry;
        this.bodies = bodies;
    }

    void register(@Observes Router router) {
        router.get("/metrics").handler(this::metrics).failureHandler(bodies.failures());
    }

    private void metrics(RoutingContext rc) {
        // a scrape walks every meter: off the event loop
        rc.vertx().executeBlocking(this::exposition, false).onComplete(done -> {
            if (done.failed()) {
                rc.fail(done.cause());
                return;
            }
            rc.response().setStatusCode(200).putHeader("Content-Type", CONTENT_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(done.result().getBytes(StandardCharsets.UTF_8)));
        });
    }

    String exposition() {
        StatsSnapshot s = headroom.stats();
        RequestLog.Snapshot proxied = requestLog.lifetime();
        SavingsTotals lifetime = savings.ledger().lifetime();
        SavingsTotals session = savings.sessionSinceStart();
        PrometheusText text = new PrometheusText()
                .metric("headroom_requests_total", "counter", "Total number of requests",
                        s.requestsTotal() + proxied.passThroughRequests())
                .metric("headroom_requests_cached_total", "counter", "Cached request count", 0)
                .metric("headroom_requests_rate_limited_total", "counter", "Rate limited requests", guard.rejected())
                .metric("headroom_requests_failed_total", "counter", "Failed requests", guard.failed())
                .metric("headroom_tokens_input_total", "counter", "Total input tokens", session.inputTokens())
                .metric("headroom_tokens_output_total", "counter", "Total output tokens", proxied.outputTokens())
                .metric("headroom_tokens_saved_total", "counter", "Tokens saved by optimization", s.tokensSaved())
                .metric("headroom_persistent_savings_requests_total", "counter",
                        "Durable lifetime requests recorded by the proxy savings tracker", lifetime.requests())
                .metric("headroom_persistent_savings_tokens_saved_total", "counter",
                        "Durable lifetime input tokens saved by proxy compression", lifetime.tokensSaved())
                .metric("headroom_persistent_savings_input_tokens_total", "counter",
                        "Durable lifetime input tokens recorded by the proxy savings tracker", lifetime.inputTokens())
                .metric("headroom_persistent_savings_input_cost_usd_total", "counter",
                        "Durable lifetime input spend in USD estimated by the proxy savings tracker",
                        lifetime.costUsd())
                .metric("headroom_persistent_savings_compression_savings_usd_total", "counter",
                        "Durable lifetime compression savings in USD estimated by the proxy savings tracker",
                        lifetime.savingsUsd())
                .metric("headroom_toin_learned_patterns", "gauge",
                        "Item patterns learned from retrievals that apply now (TOIN)", s.learnedPatterns())
                .metric("headroom_toin_hint_applications_total", "counter",
                        "Compressions that learned hints applied to (TOIN)", s.hintApplications());
        timing(text, "headroom_latency_ms", "request latencies", "request latency", proxied.latency());
        timing(text, "headroom_overhead_ms", "Headroom processing overhead", "Headroom overhead", proxied.overhead());
        timing(text, "headroom_ttfb_ms", "time to first byte", "time to first byte", proxied.ttfb());
        text.labelled("headroom_requests_by_provider", "counter", "Requests by provider", "provider",
                        proxied.byProvider())
                .labelled("headroom_requests_by_model", "counter", "Requests by model", "model", proxied.byModel());
        return text.append(registry.scrape(CONTENT_TYPE), REPLACED).toString();
    }

    private static void timing(PrometheusText text, String name, String sumHelp, String what, TimingStats t) {
        text.metric(name + "_sum", "counter", "Sum of " + sumHelp + " in milliseconds", TimingStats.round2(t.sumMs()))
                .metric(name + "_count", "counter", "Count of observed " + what + " samples", t.count())
                .metric(name + "_min", "gauge", "Minimum observed " + what + " in milliseconds",
                        TimingStats.round2(t.minMs()))
                .metric(name + "_max", "gauge", "Maximum observed " + what + " in milliseconds",
                        TimingStats.round2(t.maxMs()));
    }
}
