package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Headroom;
import io.headroom.StatsSnapshot;
import jakarta.inject.Singleton;

/**
 * {@code headroom_stats}: what the MCP tools did ({@code compressions, retrievals, tokens_saved,
 * savings_percent, recent_events}) and, under {@code proxy}, the gateway's own counters, which it can
 * report directly because the MCP server runs inside it.
 */
@Singleton
public class StatsTool extends GatewayTool {
    static final String NAME = "headroom_stats";

    public StatsTool(Headroom headroom, ObjectMapper mapper, McpUsage usage) {
        super(NAME, "Compression statistics",
                "Compression statistics: compressions, retrievals, tokens saved and recent events of"
                + " the MCP tools, plus the gateway's request and CCR store counters.",
                headroom, mapper, usage);
    }

    @Override
    public ObjectNode call(JsonNode args) {
        ObjectNode out = usage.snapshot();
        StatsSnapshot s = headroom.stats();
        ObjectNode proxy = out.putObject("proxy");
        proxy.put("requests", s.requestsTotal());
        proxy.put("requests_compressed", s.requestsCompressed());
        proxy.put("tokens_before", s.tokensBefore());
        proxy.put("tokens_saved", s.tokensSaved());
        proxy.put("savings_percent", McpUsage.percent(s.tokensSaved(), s.tokensBefore()));
        proxy.put("ccr_entries", s.ccrEntries());
        proxy.put("ccr_retrievals", s.ccrRetrievals());
        proxy.put("ccr_misses", s.ccrMisses());
        return out;
    }
}
