package io.headroom.internal.pipeline;

import io.headroom.internal.expansion.CompressedOutput;
import io.headroom.internal.image.ImageRun;
import io.headroom.internal.image.ImageTally;
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
 * @param images            what the image stage did (images are counted in the tokens above too)
 * @param learnedHints      the tool outputs compressed with learned hints (TOIN), one description each
 * @param stored            the tool outputs whose originals went to CCR, with what replaced them (for the
 *                          Context Tracker); empty when not storing
 * @param cutToBudget       true when context management cut the request down to its token budget
 */
public record PipelineResult(boolean changed, boolean compressed, int tokensBefore, int tokensAfter,
                             List<String> transformsApplied, List<String> ccrHashes, ImageRun images,
                             List<String> learnedHints, List<CompressedOutput> stored, boolean cutToBudget) {
    private static final ImageRun NO_IMAGES = new ImageRun(new ImageTally(), List.of(), List.of(), List.of(), false);

    public PipelineResult {
        transformsApplied = List.copyOf(transformsApplied);
        ccrHashes = List.copyOf(ccrHashes);
        images = images == null ? NO_IMAGES : images;
        learnedHints = learnedHints == null ? List.of() : List.copyOf(learnedHints);
        stored = stored == null ? List.of() : List.copyOf(stored);
    }

    /**
     * True when a marker the model can read names a stored original, so offering {@code headroom_retrieve} helps:
     * image originals are stored without a marker (user content is not annotated), so they alone do not.
     */
    public boolean markersSent() {
        return ccrHashes.size() > images.ccrHashes().size();
    }
}
