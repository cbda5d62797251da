package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.StatsSnapshot;
import io.headroom.host.StatsDocument;
import io.headroom.sample.savings.Rollup;
import io.headroom.sample.savings.SavingsTotals;
import io.headroom.sample.stats.RequestLog;
import io.headroom.sample.stats.RequestLogJson;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /stats} (operator callers only, see {@link AdminAccess}; the probes and {@code /health} are
 * {@link HealthEndpoints}): the counters since start in the original proxy's shape (requests, tokens, cost, cache,
 * persistent_savings, budget) plus the CCR and configuration details of this implementation.
 */
@ApplicationScoped
public class StatusEndpoints {
    private final Headroom headroom;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final BlockingJson blocking;
    private final String version;
    private final Instant started = Instant.now();

    private final SavingsTracker savings;
    private final WarmUp warmUp;
    private final BudgetGuard guard;
    private final SavingsEndpoints history;
    @jakarta.inject.Inject
    StatsBaseline baseline;
    @jakarta.inject.Inject
    RequestLog requestLog;

    public StatusEndpoints(Headroom headroom, ObjectMapper mapper, RequestBodies bodies, BlockingJson blocking,
                           SavingsTracker savings, BudgetGuard guard, SavingsEndpoints history, WarmUp warmUp,
                           @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
                           String version) {
        this.savings = savings;
        this.warmUp = warmUp;
        this.guard = guard;
        this.history = history;
        this.headroom = headroom;
        this.mapper = mapper;
        this.bodies = bodies;
        this.blocking = blocking;
        this.version = version;
    }

    void register(@Observes Router router) {
        router.get("/stats").handler(this::stats).failureHandler(bodies.failures());
    }

    private void stats(RoutingContext rc) {
        blocking.respond(rc, () -> {
            StatsSnapshot raw = headroom.stats();
            StatsSnapshot s = baseline.since(raw);
            HeadroomConfig config = headroom.config();
            ObjectNode out = mapper.createObjectNode();
            ObjectNode requests = StatsDocument.putRequests(out, s);
            requests.put("rate_limited", baseline.rejectedSince(guard.rejected()));
            requests.put("failed", baseline.failedSince(guard.failed()));
            RequestLog.Snapshot proxied = requestLog.session();
            // the core counts the requests it processed; metered pass-through calls count too, as in the original
            requests.put("total", s.requestsTotal() + proxied.passThroughRequests());
            requests.put("cached", 0); // the gateway has no response cache
            RequestLogJson.putBreakdowns(requests, proxied);
            SavingsTotals session = savings.session();
            ObjectNode tokens = StatsDocument.putTokens(out, s);
            tokens.put("total_before_compression", s.tokensBefore()); // read by the TypeScript SDK's getStats()
            tokens.put("input", session.inputTokens());
            tokens.put("output", proxied.outputTokens());
            tokens.put("proxy_compression_saved", s.tokensSaved());
            tokens.put("proxy_total_before_compression", s.tokensBefore());
            tokens.put("proxy_savings_percent", percent2(s.tokensSaved(), s.tokensBefore()));
            RequestLogJson.putTimings(out, proxied);
            ObjectNode cost = out.putObject("cost");
            cost.put("total_cost_usd", session.costUsd());
            cost.put("total_savings_usd", session.savingsUsd());
            StatsDocument.putCache(out, s);
            StatsDocument.putImages(out, s);
            StatsDocument.putLearning(out, raw); // learned state is not reset with the session counters
            ObjectNode persistent = out.putObject("persistent_savings");
            persistent.put("schema_version", SavingsEndpoints.SCHEMA_VERSION);
            persistent.put("storage_path", savings.path().toString());
            persistent.set("lifetime", history.lifetimeTotals(savings.ledger().lifetime()));
            persistent.set("today", history.totals(savings.ledger().current(Rollup.DAILY)));
            persistent.put("since", savings.ledger().since().toString());
            persistent.put("path", savings.path().toString());
            var budget = savings.budget();
            if (budget.isPresent()) {
                ObjectNode b = out.putObject("budget");
                b.put("period", "daily");
                b.put("limit_usd", budget.get().limitUsd());
                b.put("used_usd", budget.get().usedUsd());
                b.put("remaining_usd", budget.get().remainingUsd());
                b.put("exceeded", budget.get().exceeded());
            } else if (savings.tenantBudgets().isPresent()) {
                out.putObject("budget").put("period", "daily");
            } else {
                out.putNull("budget");
            }
            savings.tenantBudgets().ifPresent(t -> {
                ObjectNode perTenant = ((ObjectNode) out.get("budget")).putObject("per_tenant");
                perTenant.put("limit_usd", t.limitUsd());
                perTenant.put("tenants_today", t.tenantsToday());
                perTenant.put("tenants_exceeded", t.tenantsExceeded());
            });
            ObjectNode compression = out.putObject("compression");
            compression.put("ccr_entries", s.ccrEntries());
            compression.put("ccr_max_entries", config.ccr().maxEntries());
            compression.put("ccr_retrievals", s.ccrRetrievals());
            RequestLogJson.putRecent(out, requestLog.recent());
            ObjectNode ccr = out.putObject("ccr");
            ccr.put("entries", s.ccrEntries());
            ccr.put("stored", s.ccrStored());
            ccr.put("retrievals", s.ccrRetrievals());
            ccr.put("misses", s.ccrMisses());
            // the Context Tracker (issue 18): requests expanded before the model asked, and the items added
            ccr.put("proactive_expansions", s.proactiveExpansions());
            ccr.put("expanded_items", s.expandedItems());
            ObjectNode cfg = out.putObject("config");
            cfg.put("mode", config.mode().wireName());
            cfg.put("min_tokens_to_crush", config.crusher().minTokensToCrush());
            cfg.put("max_items_after_crush", config.crusher().maxItemsAfterCrush());
            cfg.put("ccr_enabled", config.ccr().enabled());
            cfg.put("ccr_ttl_seconds", config.ccr().ttl().toSeconds());
            out.put("uptime_seconds", uptimeSeconds());
            return mapper.writeValueAsBytes(out);
        });
    }

    /** {@code part} as a percentage of {@code whole}, two decimals, like the original's {@code *_savings_percent}. */
    private static double percent2(long part, long whole) {
        return whole <= 0 ? 0.0 : Math.round(10000.0 * part / whole) / 100.0;
    }

    private long uptimeSeconds() {
        return Duration.between(started, Instant.now()).toSeconds();
    }
}
