package io.headroom.internal.image;

import java.util.Objects;

/**
 * The query router's decision for the images of one question: the technique, the region when it is
 * {@link ImageTechnique#CROP} ({@link ImageRegion#WHOLE} otherwise, or when the region must come from the
 * image's content), and the classifier's confidence (1 for a rule's decision).
 */
public record ImageRoute(ImageTechnique technique, ImageRegion region, double confidence) {
    public ImageRoute {
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(region, "region");
    }

    public static ImageRoute preserve() {
        return new ImageRoute(ImageTechnique.PRESERVE, ImageRegion.WHOLE, 1);
    }
}
