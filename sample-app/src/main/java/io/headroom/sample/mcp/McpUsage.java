package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the MCP tools did since the gateway started, over all MCP sessions: the figures headroom_stats
 * reports, plus the last {@value #RECENT} compress/retrieve events (no content, only sizes and hashes).
 */
@ApplicationScoped
public class McpUsage {
    static final int RECENT = 10;

    private final AtomicLong compressions = new AtomicLong();
    private final AtomicLong retrievals = new AtomicLong();
    private final AtomicLong tokensBefore = new AtomicLong();
    private final AtomicLong tokensAfter = new AtomicLong();
    private final Deque<ObjectNode> recent = new ArrayDeque<>(RECENT);
    private final Clock clock;

    public McpUsage() {
        this(Clock.systemUTC());
    }

    McpUsage(Clock clock) {
        this.clock = clock;
    }

    void compressed(int before, int after, String hash) {
        compressions.incrementAndGet();
        tokensBefore.addAndGet(before);
        tokensAfter.addAndGet(after);
        ObjectNode e = event("compress");
        e.put("original_tokens", before);
        e.put("compressed_tokens", after);
        e.put("hash", hash);
        remember(e);
    }

    void retrieved(String hash, boolean found, String query) {
        if (found) {
            retrievals.incrementAndGet();
        }
        ObjectNode e = event("retrieve");
        e.put("hash", hash);
        e.put("found", found);
        e.put("search", query != null);
        remember(e);
    }

    /** {@code compressions, retrievals, tokens_before, tokens_after, tokens_saved, savings_percent, recent_events}. */
    ObjectNode snapshot() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        long before = tokensBefore.get();
        long saved = before - tokensAfter.get();
        out.put("compressions", compressions.get());
        out.put("retrievals", retrievals.get());
        out.put("tokens_before", before);
        out.put("tokens_after", before - saved);
        out.put("tokens_saved", saved);
        out.put("savings_percent", percent(saved, before));
        ArrayNode events = out.putArray("recent_events");
        synchronized (recent) {
            recent.forEach(e -> events.add(e.deepCopy()));
        }
        return out;
    }

    static double percent(long saved, long before) {
        return before <= 0 ? 0.0 : Math.round(1000.0 * saved / before) / 10.0;
    }

    private ObjectNode event(String type) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("type", type);
        e.put("timestamp", Instant.now(clock).toString());
        return e;
    }

    private void remember(ObjectNode e) {
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(e);
        }
    }
}
