package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ErrorType;
import io.headroom.sample.savings.HistoryRow;
import io.headroom.sample.savings.Rollup;
import io.headroom.sample.savings.SavingsCsv;
import io.headroom.sample.savings.SavingsLedger;
import io.headroom.sample.savings.SavingsTotals;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /stats-history?period=hourly|daily|weekly|monthly&format=json|csv} (loopback callers
 * only): durable savings rolled up from the hourly buckets of the savings file. {@code series} is
 * accepted as an alias of {@code period}, as in the original proxy.
 */
@ApplicationScoped
public class SavingsEndpoints {
    private final SavingsTracker tracker;
    private final ObjectMapper mapper;

    public SavingsEndpoints(SavingsTracker tracker, ObjectMapper mapper) {
        this.tracker = tracker;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.get("/stats-history").handler(this::history);
    }

    private void history(RoutingContext rc) {
        String name = Optional.ofNullable(rc.request().getParam("period"))
                .orElseGet(() -> Optional.ofNullable(rc.request().getParam("series")).orElse("daily"));
        Optional<Rollup> period = Rollup.fromWireName(name);
        if (period.isEmpty()) {
            ApiResponses.error(rc.response(), ErrorType.VALIDATION_ERROR,
                    "period must be one of hourly, daily, weekly, monthly");
            return;
        }
        String format = Optional.ofNullable(rc.request().getParam("format")).orElse("json");
        SavingsLedger ledger = tracker.ledger();
        List<HistoryRow> rows = ledger.history(period.get());
        switch (format) {
            case "csv" -> rc.response().setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition",
                            "attachment; filename=\"headroom-savings-" + period.get().wireName() + ".csv\"")
                    .end(SavingsCsv.format(period.get(), rows));
            case "json" -> {
                ObjectNode out = mapper.createObjectNode();
                out.put("period", period.get().wireName());
                out.put("since", ledger.since().toString());
                out.set("lifetime", totals(ledger.lifetime()));
                ArrayNode series = out.putArray("series");
                for (HistoryRow r : rows) {
                    ObjectNode row = totals(r.totals());
                    row.put("period_start", r.periodStart().toString());
                    series.add(row);
                }
                try {
                    ApiResponses.json(rc.response(), 200, mapper.writeValueAsBytes(out));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    ApiResponses.error(rc.response(), ErrorType.TRANSFORM_ERROR, "cannot serialise history");
                }
            }
            default -> ApiResponses.error(rc.response(), ErrorType.VALIDATION_ERROR, "format must be json or csv");
        }
    }

    /** The seed's field names for a set of savings totals (shared with /stats persistent_savings). */
    ObjectNode totals(SavingsTotals t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("requests", t.requests());
        n.put("tokens_saved", t.tokensSaved());
        n.put("compression_savings_usd", t.savingsUsd());
        n.put("input_tokens", t.inputTokens());
        n.put("cost_usd", t.costUsd());
        n.put("savings_percent", t.savingsPercent());
        return n;
    }
}
