package io.headroom.internal.pipeline;

import java.util.List;

/**
 * What one pipeline run did to a request tree.
 *
 * @param changed           true when the tree was modified in any way (compression, cache alignment, cache hints)
 * @param compressed        true when a tool output was compressed or turns were compressed deeper or dropped
 * @param tokensBefore      tokens of the request's texts before
 * @param tokensAfter       tokens after (equal to before when nothing changed)
 * @param transformsApplied names of the transforms that changed something
 * @param ccrHashes         keys of the originals stored in CCR (empty when not storing)
 * @param learnedHints      the tool outputs compressed with learned hints (TOIN), one description each
 */
public record PipelineResult(boolean changed, boolean compressed, int tokensBefore, int tokensAfter,
                             List<String> transformsApplied, List<String> ccrHashes, List<String> learnedHints) {
    public PipelineResult {
        transformsApplied = List.copyOf(transformsApplied);
        ccrHashes = List.copyOf(ccrHashes);
        learnedHints = List.copyOf(learnedHints);
    }

    public PipelineResult(boolean changed, boolean compressed, int tokensBefore, int tokensAfter,
                          List<String> transformsApplied, List<String> ccrHashes) {
        this(changed, compressed, tokensBefore, tokensAfter, transformsApplied, ccrHashes, List.of());
    }
}
