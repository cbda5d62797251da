package io.headroom.quarkus.runtime.devui;

import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import java.time.Instant;
import java.util.List;

/**
 * One compression as the Dev UI card lists it. Carries counts and transform names only, never request
 * content. At most {@link #MAX_TRANSFORMS} transform names are kept, so a request with hundreds of
 * tool outputs cannot make an entry large; {@code transformCount} still says how many there were.
 *
 * @param time          when the request was handled (ISO-8601, UTC)
 * @param endpoint      the LLM API path the request addressed, e.g. {@code /v1/chat/completions}
 * @param mode          {@code optimize} (the body was rewritten) or {@code audit} (only measured)
 * @param tokensBefore  tokens of the request as the client sent it
 * @param tokensAfter   tokens of the request as forwarded (optimize) or as it would have been (audit)
 * @param tokensSaved   {@code tokensBefore - tokensAfter}
 * @param transforms    the first transforms applied, e.g. {@code router:log:0.04}
 * @param transformCount how many transforms were applied in all
 * @param elapsedMillis time the pipeline took for this request
 */
public record CompressionRecord(String time, String endpoint, String mode, int tokensBefore, int tokensAfter,
                                int tokensSaved, List<String> transforms, int transformCount, double elapsedMillis) {
    static final int MAX_TRANSFORMS = 10;

    public CompressionRecord {
        transforms = List.copyOf(transforms);
    }

    static CompressionRecord of(Instant time, Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        List<String> all = outcome.transformsApplied();
        return new CompressionRecord(time.toString(), endpoint == null ? "unknown" : endpoint.path(), mode.wireName(),
                outcome.tokensBefore(), outcome.tokensAfter(), outcome.tokensSaved(),
                all.subList(0, Math.min(all.size(), MAX_TRANSFORMS)), all.size(),
                Math.round(elapsedNanos / 100_000.0) / 10.0);
    }
}
