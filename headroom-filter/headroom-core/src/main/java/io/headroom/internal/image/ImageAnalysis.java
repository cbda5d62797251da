package io.headroom.internal.image;

import java.util.Objects;

/**
 * What the image stage asks about a question and its images: the technique ({@code router}), the region of a crop
 * the question does not name ({@code regions}) and the text of an image ({@code transcriber}). The production
 * parts live in packages that depend on this one, so the engine assembles them and hands them in.
 */
public record ImageAnalysis(ImageQueryRouter router, ImageRegionFinder regions, ImageTranscriber transcriber) {
    /** Counts images and changes none: every question keeps its pixels. */
    public static final ImageAnalysis COUNT_ONLY =
            new ImageAnalysis(question -> ImageRoute.preserve(), ImageRegionFinder.WHOLE, ImageTranscriber.NONE);

    public ImageAnalysis {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(transcriber, "transcriber");
    }
}
