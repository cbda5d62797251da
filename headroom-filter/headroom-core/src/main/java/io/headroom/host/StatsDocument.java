package io.headroom.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ImageTokenUsage;
import io.headroom.StatsSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A Headroom instance's numbers as JSON, in the shape of the gateway's {@code GET /stats} blocks, written once: the
 * gateway writes the shared part of its {@code requests}, {@code tokens} and {@code cache} blocks with
 * {@link #putRequests}, {@link #putTokens} and {@link #putCache} (and adds its own fields), and every library host's
 * stats endpoint answers {@link #of} as it is.
 * <pre>{@code
 * {"requests": {"total", "compressed", "failed_open", "over_deadline", "passed_through": {"<reason>": n}},
 *  "tokens":   {"before", "after", "saved", "savings_percent"},
 *  "cache":    {"entries", "total_hits", "stored", "misses", "bytes", "evicted", "refused"},
 *  "retrieve": {"rounds"},
 *  "learning": {"learned_patterns", "hint_applications"}}
 * }</pre>
 */
public final class StatsDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatsDocument() {
    }

    /** @param passedThrough the host's pass-through counts by reason ({@code Admission#passedThrough()}), or empty */
    public static ObjectNode of(StatsSnapshot s, Map<PassReason, Long> passedThrough) {
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode requests = putRequests(out, s);
        requests.put("over_deadline", s.requestsOverDeadline());
        ObjectNode passed = requests.putObject("passed_through");
        passedThrough.forEach((reason, n) -> passed.put(reason.name().toLowerCase(Locale.ROOT), n));
        putTokens(out, s);
        ObjectNode cache = putCache(out, s);
        cache.put("stored", s.ccrStored());
        cache.put("misses", s.ccrMisses());
        cache.put("bytes", s.ccrBytes());
        cache.put("evicted", s.ccrEvicted());
        cache.put("refused", s.ccrRefused());
        out.putObject("retrieve").put("rounds", s.retrieveRounds());
        putImages(out, s);
        putLearning(out, s);
        return out;
    }

    /**
     * Adds {@code "images": {"count", "tokens_before", "tokens_after", "tokens_saved", "by_technique": {technique:
     * {"count", "tokens_before", "tokens_after"}}}} to {@code parent}; returns the block.
     */
    public static ObjectNode putImages(ObjectNode parent, StatsSnapshot s) {
        ObjectNode images = parent.putObject("images");
        long count = 0;
        long before = 0;
        long after = 0;
        ObjectNode byTechnique = MAPPER.createObjectNode();
        for (ImageTokenUsage u : s.images()) {
            count += u.images();
            before += u.tokensBefore();
            after += u.tokensAfter();
            byTechnique.putObject(u.technique()).put("count", u.images()).put("tokens_before", u.tokensBefore())
                    .put("tokens_after", u.tokensAfter());
        }
        images.put("count", count);
        images.put("tokens_before", before);
        images.put("tokens_after", after);
        images.put("tokens_saved", Math.max(0, before - after));
        images.set("by_technique", byTechnique);
        return images;
    }

    /** The {@code learning} block: what was learned from retrievals and how often it changed a compression. */
    public static ObjectNode putLearning(ObjectNode out, StatsSnapshot s) {
        ObjectNode learning = out.putObject("learning");
        learning.put("learned_patterns", s.learnedPatterns());
        learning.put("hint_applications", s.hintApplications());
        return learning;
    }

    /** The document as UTF-8 JSON bytes. */
    public static byte[] bytes(StatsSnapshot s, Map<PassReason, Long> passedThrough) {
        return of(s, passedThrough).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Adds {@code "requests": {"total", "compressed", "failed_open"}} to {@code parent}; returns the block. */
    public static ObjectNode putRequests(ObjectNode parent, StatsSnapshot s) {
        ObjectNode requests = parent.putObject("requests");
        requests.put("total", s.requestsTotal());
        requests.put("compressed", s.requestsCompressed());
        requests.put("failed_open", s.requestsFailedOpen());
        return requests;
    }

    /** Adds {@code "tokens": {"before", "after", "saved", "savings_percent"}} to {@code parent}; returns the block. */
    public static ObjectNode putTokens(ObjectNode parent, StatsSnapshot s) {
        ObjectNode tokens = parent.putObject("tokens");
        tokens.put("before", s.tokensBefore());
        tokens.put("after", s.tokensAfter());
        tokens.put("saved", s.tokensSaved());
        tokens.put("savings_percent", savingsPercent(s));
        return tokens;
    }

    /** Adds {@code "cache": {"entries", "total_hits"}} to {@code parent}; returns the block. */
    public static ObjectNode putCache(ObjectNode parent, StatsSnapshot s) {
        ObjectNode cache = parent.putObject("cache");
        cache.put("entries", s.ccrEntries());
        cache.put("total_hits", s.ccrRetrievals());
        return cache;
    }

    /** Tokens saved as a percentage of tokens before, one decimal; 0 before any token was seen. */
    public static double savingsPercent(StatsSnapshot s) {
        if (s.tokensBefore() <= 0) {
            return 0.0;
        }
        return Math.round(1000.0 * s.tokensSaved() / s.tokensBefore()) / 10.0;
    }
}
