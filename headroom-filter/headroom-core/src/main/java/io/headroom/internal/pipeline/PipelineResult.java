package io.headroom.internal.pipeline;

import java.util.List;

/**
 * What one pipeline run did to a request tree.
 *
 * @param changed           true when at least one tool output was replaced
 * @param tokensBefore      tokens of the request's texts before
 * @param tokensAfter       tokens after (equal to before when nothing changed)
 * @param transformsApplied names of the transforms that changed something
 * @param ccrHashes         keys of the originals stored in CCR (empty when not storing)
 */
public record PipelineResult(boolean changed, int tokensBefore, int tokensAfter,
                             List<String> transformsApplied, List<String> ccrHashes) {
    public PipelineResult {
        transformsApplied = List.copyOf(transformsApplied);
        ccrHashes = List.copyOf(ccrHashes);
    }
}
