package io.headroom.internal.image;

/**
 * A rectangle of an image in fractions of its width and height (0..1), so a region can be chosen before the
 * image's pixel size is known: the left half is {@code (0, 0, 0.5, 1)}.
 */
public record ImageRegion(double x, double y, double width, double height) {
    public static final ImageRegion WHOLE = new ImageRegion(0, 0, 1, 1);

    public ImageRegion {
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 1 + 1e-9 || y + height > 1 + 1e-9) {
            throw new IllegalArgumentException("region outside the image: " + x + "," + y + " " + width + "x" + height);
        }
    }
}
