package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ErrorType;
import io.headroom.sample.savings.HistoryPoint;
import io.headroom.sample.savings.Rollup;
import io.headroom.sample.savings.SavingsCsv;
import io.headroom.sample.savings.SavingsFile;
import io.headroom.sample.savings.SavingsHistory;
import io.headroom.sample.savings.SavingsLedger;
import io.headroom.sample.savings.SavingsTotals;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /stats-history?format=json|csv&series=history|hourly|daily|weekly|monthly&history_mode=compact|full|none}
 * (an operator endpoint), as the original proxy answers it: JSON by default, one document with the lifetime
 * totals, the {@code history} points and every roll-up under {@code series}; CSV of one series
 * ({@code history} by default). {@code period} is accepted as an alias of {@code series} (this gateway's earlier
 * name).
 */
@ApplicationScoped
public class SavingsEndpoints {
    /** The original's savings file schema this document follows. */
    static final int SCHEMA_VERSION = 3;
    private static final List<String> SERIES = List.of("history", "hourly", "daily", "weekly", "monthly");

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
        String series = Optional.ofNullable(rc.request().getParam("series"))
                .or(() -> Optional.ofNullable(rc.request().getParam("period"))).orElse("history").strip();
        if (!SERIES.contains(series)) {
            ApiResponses.error(rc.response(), ErrorType.VALIDATION_ERROR,
                    "series must be one of history, hourly, daily, weekly, monthly");
            return;
        }
        String mode = Optional.ofNullable(rc.request().getParam("history_mode")).orElse("compact");
        if (!List.of("compact", "full", "none").contains(mode)) {
            ApiResponses.error(rc.response(), ErrorType.VALIDATION_ERROR, "history_mode must be compact, full or none");
            return;
        }
        String format = Optional.ofNullable(rc.request().getParam("format")).orElse("json");
        SavingsLedger ledger = tracker.ledger();
        switch (format) {
            case "csv" -> rc.response().setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition",
                            "attachment; filename=\"headroom-stats-history-" + series + ".csv\"")
                    .end(series.equals("history")
                            ? SavingsCsv.history(SavingsHistory.points(ledger, Rollup.HOURLY))
                            : SavingsCsv.rollup(SavingsHistory.points(ledger, Rollup.fromWireName(series).orElseThrow())));
            case "json" -> {
                try {
                    ApiResponses.json(rc.response(), 200, mapper.writeValueAsBytes(document(ledger, mode)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    ApiResponses.error(rc.response(), ErrorType.TRANSFORM_ERROR, "cannot serialise history");
                }
            }
            default -> ApiResponses.error(rc.response(), ErrorType.VALIDATION_ERROR, "format must be json or csv");
        }
    }

    /** The original's {@code history_response()} document. */
    private ObjectNode document(SavingsLedger ledger, String historyMode) {
        ObjectNode out = mapper.createObjectNode();
        out.put("schema_version", SCHEMA_VERSION);
        out.put("generated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("storage_path", tracker.path().toString());
        out.set("lifetime", lifetime(ledger.lifetime()));
        out.put("since", ledger.since().toString());
        List<HistoryPoint> hourly = SavingsHistory.points(ledger, Rollup.HOURLY);
        ArrayNode history = out.putArray("history");
        if (!historyMode.equals("none")) {
            hourly.forEach(p -> history.add(historyPoint(p)));
        }
        ObjectNode series = out.putObject("series");
        for (Rollup r : Rollup.values()) {
            ArrayNode rows = series.putArray(r.wireName());
            for (HistoryPoint p : r == Rollup.HOURLY ? hourly : SavingsHistory.points(ledger, r)) {
                rows.add(rollupRow(p));
            }
        }
        ObjectNode exports = out.putObject("exports");
        exports.put("default_format", "json");
        exports.putArray("available_formats").add("json").add("csv");
        ArrayNode available = exports.putArray("available_series");
        SERIES.forEach(available::add);
        ObjectNode retention = out.putObject("retention");
        retention.put("max_history_age_days", tracker.retention().toDays());
        out.putObject("projects");
        ObjectNode summary = out.putObject("history_summary");
        summary.put("mode", historyMode);
        summary.put("stored_points", hourly.size());
        summary.put("returned_points", history.size());
        summary.put("compacted", history.size() < hourly.size());
        return out;
    }

    /** The original's lifetime block, plus this gateway's earlier names for the same figures. */
    private ObjectNode lifetime(SavingsTotals t) {
        ObjectNode n = totals(t);
        n.put("total_input_tokens", t.inputTokens());
        n.put("total_input_cost_usd", t.costUsd());
        return n;
    }

    private ObjectNode historyPoint(HistoryPoint p) {
        ObjectNode n = mapper.createObjectNode();
        n.put("timestamp", p.timestamp().toString());
        n.put("total_tokens_saved", p.cumulative().tokensSaved());
        n.put("compression_savings_usd", p.cumulative().savingsUsd());
        n.put("total_input_tokens", p.cumulative().inputTokens());
        n.put("total_input_cost_usd", p.cumulative().costUsd());
        return n;
    }

    private ObjectNode rollupRow(HistoryPoint p) {
        ObjectNode n = historyPoint(p);
        n.put("tokens_saved", p.delta().tokensSaved());
        n.put("compression_savings_usd_delta", p.delta().savingsUsd());
        n.put("total_input_tokens_delta", p.delta().inputTokens());
        n.put("total_input_cost_usd_delta", p.delta().costUsd());
        n.put("requests", p.delta().requests());
        n.putObject("by_provider");
        n.putObject("by_model");
        return n;
    }

    /** The seed's field names for a set of savings totals (shared with /stats persistent_savings). */
    ObjectNode totals(SavingsTotals t) {
        ObjectNode n = SavingsFile.putTotals(mapper.createObjectNode(), t);
        n.put("savings_percent", t.savingsPercent());
        return n;
    }

    /** {@code /stats} {@code persistent_savings.lifetime}: the original's names and this gateway's earlier ones. */
    ObjectNode lifetimeTotals(SavingsTotals t) {
        return lifetime(t);
    }
}
