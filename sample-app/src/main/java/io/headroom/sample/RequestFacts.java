package io.headroom.sample;

import io.headroom.host.HeadroomHeaders;
import io.headroom.sample.stats.RecentRequest;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the gateway knows of a proxied request when it forwards it, read from the Headroom response headers the
 * filter has already set (tokens before and after, model, transforms): the parts of a {@link RecentRequest} that
 * do not depend on the answer. Never the request content.
 */
record RequestFacts(String requestId, Instant started, String provider, String model, long tokensBefore,
                    long tokensAfter, List<String> transforms) {

    static RequestFacts of(RoutingContext rc) {
        MultiMap h = rc.response().headers();
        String path = rc.normalizedPath();
        String provider = path != null && path.startsWith("/v1/messages") ? "anthropic" : "openai";
        String transforms = h.get(HeadroomHeaders.TRANSFORMS);
        return new RequestFacts(UUID.randomUUID().toString(), Instant.now(), provider, h.get(HeadroomHeaders.MODEL),
                number(h.get(HeadroomHeaders.TOKENS_BEFORE)), number(h.get(HeadroomHeaders.TOKENS_AFTER)),
                transforms == null || transforms.isBlank() ? List.of()
                        : Arrays.stream(transforms.split(",")).map(String::strip).toList());
    }

    /**
     * The request as it ended; {@code estimatedInput} stands in for the token counts of a body Headroom did not
     * analyse (tokens-before 0).
     */
    RecentRequest toRecent(String model, int status, long estimatedInput, long outputTokens, double totalLatencyMs) {
        boolean analysed = tokensBefore > 0;
        long original = analysed ? tokensBefore : estimatedInput;
        long optimized = analysed ? tokensAfter : estimatedInput;
        return new RecentRequest(requestId, started, provider, model, status, original, optimized, outputTokens,
                null, totalLatencyMs, transforms);
    }

    private static long number(String v) {
        try {
            return v == null ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
