package io.headroom.internal.image;

import io.headroom.ImageOutcome;
import java.util.List;

/** The public per-image view of an {@link ImageRun} for a {@code /v1/compress} answer. */
public final class ImageOutcomes {

    private ImageOutcomes() {
    }

    public static List<ImageOutcome> of(ImageRun run) {
        return run.results().stream()
                .map(r -> new ImageOutcome(r.messageIndex(), r.partIndex(), r.technique(), r.tokensBefore(),
                        r.tokensAfter(), !r.stillImage(), r.ccrHash()))
                .toList();
    }
}
