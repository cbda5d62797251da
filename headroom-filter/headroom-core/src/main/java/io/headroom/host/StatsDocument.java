package io.headroom.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.StatsSnapshot;
import java.util.Locale;
import java.util.Map;

/**
 * A Headroom instance's numbers as JSON, in the shape of the gateway's {@code GET /stats} blocks, written once: the
 * gateway builds its {@code /stats} on it and every library host's stats endpoint answers it as it is.
 * <pre>{@code
 * {"requests": {"total", "compressed", "failed_open", "over_deadline", "passed_through": {"<reason>": n}},
 *  "tokens":   {"before", "after", "saved", "savings_percent"},
 *  "cache":    {"entries", "stored", "total_hits", "misses", "bytes", "evicted", "refused"},
 *  "retrieve": {"rounds"}}
 * }</pre>
 */
public final class StatsDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatsDocument() {
    }

    /** @param passedThrough the host's pass-through counts by reason ({@code Admission#passedThrough()}), or empty */
    public static ObjectNode of(StatsSnapshot s, Map<PassReason, Long> passedThrough) {
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode requests = out.putObject("requests");
        requests.put("total", s.requestsTotal());
        requests.put("compressed", s.requestsCompressed());
        requests.put("failed_open", s.requestsFailedOpen());
        requests.put("over_deadline", s.requestsOverDeadline());
        ObjectNode passed = requests.putObject("passed_through");
        passedThrough.forEach((reason, n) -> passed.put(reason.name().toLowerCase(Locale.ROOT), n));
        ObjectNode tokens = out.putObject("tokens");
        tokens.put("before", s.tokensBefore());
        tokens.put("after", s.tokensAfter());
        tokens.put("saved", s.tokensSaved());
        tokens.put("savings_percent", savingsPercent(s));
        ObjectNode cache = out.putObject("cache");
        cache.put("entries", s.ccrEntries());
        cache.put("stored", s.ccrStored());
        cache.put("total_hits", s.ccrRetrievals());
        cache.put("misses", s.ccrMisses());
        cache.put("bytes", s.ccrBytes());
        cache.put("evicted", s.ccrEvicted());
        cache.put("refused", s.ccrRefused());
        out.putObject("retrieve").put("rounds", s.retrieveRounds());
        return out;
    }

    /** The document as UTF-8 JSON bytes. */
    public static byte[] bytes(StatsSnapshot s, Map<PassReason, Long> passedThrough) {
        return of(s, passedThrough).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Tokens saved as a percentage of tokens before, one decimal; 0 before any token was seen. */
    public static double savingsPercent(StatsSnapshot s) {
        if (s.tokensBefore() <= 0) {
            return 0.0;
        }
        return Math.round(1000.0 * s.tokensSaved() / s.tokensBefore()) / 10.0;
    }
}
