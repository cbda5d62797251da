package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /v1/compress}: the rewritten {@code messages} and what it saved.
 * {@link #compressionRatio()} is the original's {@code compression_ratio}: tokens after / tokens before
 * (0.1 = 90% fewer tokens; 1.0 when nothing was saved), the meaning its TypeScript SDK turns into
 * "{@code (1 - compressionRatio)} saved".
 *
 * @param images what happened to each image, in request order (empty when there are none); the images are counted
 *               in {@link #tokensBefore()} and {@link #tokensAfter()} too
 */
public record CompressResult(JsonNode messages, int tokensBefore, int tokensAfter,
                             List<String> transformsApplied, List<String> ccrHashes, List<ImageOutcome> images) {

    public CompressResult {
        transformsApplied = List.copyOf(transformsApplied);
        ccrHashes = List.copyOf(ccrHashes);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A result without images. */
    public CompressResult(JsonNode messages, int tokensBefore, int tokensAfter,
                          List<String> transformsApplied, List<String> ccrHashes) {
        this(messages, tokensBefore, tokensAfter, transformsApplied, ccrHashes, List.of());
    }

    /** What the images cost as sent (part of {@link #tokensBefore()}). */
    public int imageTokensBefore() {
        return ImageOutcome.tokensBefore(images);
    }

    /** What the images cost after compression (part of {@link #tokensAfter()}). */
    public int imageTokensAfter() {
        return ImageOutcome.tokensAfter(images);
    }

    public int tokensSaved() {
        return tokensBefore - tokensAfter;
    }

    /** Tokens after / tokens before; 1.0 when there was nothing to count. */
    public double compressionRatio() {
        return ratio(tokensBefore, tokensAfter);
    }

    /** How many times each transform was applied, in first-seen order (the original's {@code transforms_summary}). */
    public Map<String, Integer> transformsSummary() {
        return summary(transformsApplied);
    }

    /** The original's {@code compression_ratio}: {@code after / before}, 1.0 when {@code before} is 0. */
    public static double ratio(int tokensBefore, int tokensAfter) {
        return tokensBefore <= 0 ? 1.0 : (double) tokensAfter / tokensBefore;
    }

    /**
     * Counts {@code transforms} by name. Our entries carry their own ratio ({@code router:json:0.12}); that
     * last numeric field is left out so the summary groups by transform ({@code router:json: 3}), as the
     * original's entries (which carry no ratio) are grouped.
     */
    public static Map<String, Integer> summary(List<String> transforms) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : transforms) {
            counts.merge(withoutRatio(t), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    private static String withoutRatio(String transform) {
        int colon = transform.lastIndexOf(':');
        if (colon <= 0) {
            return transform;
        }
        String last = transform.substring(colon + 1);
        return !last.isEmpty() && last.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                ? transform.substring(0, colon) : transform;
    }
}
