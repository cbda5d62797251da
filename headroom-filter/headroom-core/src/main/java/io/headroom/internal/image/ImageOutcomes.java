package io.headroom.internal.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.ImageOutcome;
import java.util.List;
import java.util.Set;

/** The public per-image view of an {@link ImageRun} for a {@code /v1/compress} answer. */
public final class ImageOutcomes {

    private ImageOutcomes() {
    }

    /**
     * @param after the request tree after the whole pipeline: an image whose part is no longer in it went with a
     *              message context management dropped
     */
    public static List<ImageOutcome> of(ImageRun run, Endpoint endpoint, ObjectNode after) {
        if (run.results().isEmpty()) {
            return List.of();
        }
        Set<ObjectNode> kept = ImageRun.partsIn(endpoint, after);
        return run.results().stream()
                .map(r -> {
                    boolean dropped = !kept.contains(r.node());
                    return new ImageOutcome(r.messageIndex(), r.partIndex(), r.technique(), r.tokensBefore(),
                            dropped ? 0 : r.tokensAfter(), !r.stillImage(), r.ccrHash(), dropped);
                })
                .toList();
    }
}
