package io.headroom.internal.image;

import java.awt.image.BufferedImage;

/**
 * Picks the part of an image to crop to when the question asks about something in it without naming where
 * ({@link ImageRoute} with {@link ImageTechnique#CROP} and {@link ImageRegion#WHOLE}). Returning
 * {@link ImageRegion#WHOLE} keeps the image whole. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ImageRegionFinder {
    ImageRegionFinder WHOLE = image -> ImageRegion.WHOLE;

    ImageRegion find(BufferedImage image);
}
