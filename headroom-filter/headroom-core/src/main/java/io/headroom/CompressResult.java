package io.headroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer of {@code POST /v1/compress}: the rewritten {@code messages} and what it saved.
 * {@code compressionRatio} is the fraction of tokens saved (0.9 = 90% fewer tokens).
 */
public record CompressResult(JsonNode messages, int tokensBefore, int tokensAfter,
                             List<String> transformsApplied, List<String> ccrHashes) {

    public CompressResult {
        transformsApplied = List.copyOf(transformsApplied);
        ccrHashes = List.copyOf(ccrHashes);
    }

    public int tokensSaved() {
        return tokensBefore - tokensAfter;
    }

    public double compressionRatio() {
        return tokensBefore == 0 ? 0.0 : (double) tokensSaved() / tokensBefore;
    }
}
