package io.headroom.internal.image.route;

import io.headroom.internal.image.ImageRegion;
import java.awt.image.BufferedImage;

/**
 * Picks the region to crop when a question asks about something in the image without saying where: the
 * smallest window of a {@value #GRID}×{@value #GRID} grid that holds {@value #CAPTURED_PERCENT}% of the image's
 * edge energy (absolute luminance gradients), on the reading that the subject is where the detail is. A flat
 * image, or detail spread over most of it, gives {@link ImageRegion#WHOLE}: cropping would lose what is asked
 * about.
 *
 * <p>Works on a sample of at most {@value #SAMPLE_SIDE} pixels per side, so the cost is bounded whatever the
 * image's size. Stateless and thread-safe.
 */
public final class BusiestRegion {
    static final int GRID = 4;
    static final int CAPTURED_PERCENT = 90;
    static final int SAMPLE_SIDE = 256;
    /** A window larger than this share of the image is not worth a crop. */
    static final double MAX_AREA = 0.75;
    /** Below this mean gradient per pixel (0..255 luminance) the image is flat: nothing stands out. */
    private static final double FLAT = 0.5;

    private BusiestRegion() {
    }

    public static ImageRegion of(BufferedImage image) {
        double[][] energy = cellEnergy(image);
        double total = 0;
        for (double[] row : energy) {
            for (double cell : row) {
                total += cell;
            }
        }
        int sampleW = Math.min(image.getWidth(), SAMPLE_SIDE);
        int sampleH = Math.min(image.getHeight(), SAMPLE_SIDE);
        if (total / ((double) sampleW * sampleH) < FLAT) {
            return ImageRegion.WHOLE;
        }
        double[][] prefix = prefixSums(energy);
        int bestArea = Integer.MAX_VALUE;
        double bestEnergy = -1;
        int[] best = null;
        for (int h = 1; h <= GRID; h++) {
            for (int w = 1; w <= GRID; w++) {
                for (int y = 0; y + h <= GRID; y++) {
                    for (int x = 0; x + w <= GRID; x++) {
                        double captured = sum(prefix, x, y, w, h);
                        if (captured * 100 < total * CAPTURED_PERCENT) {
                            continue;
                        }
                        int area = w * h;
                        if (area < bestArea || (area == bestArea && captured > bestEnergy)) {
                            bestArea = area;
                            bestEnergy = captured;
                            best = new int[] {x, y, w, h};
                        }
                    }
                }
            }
        }
        if (best == null || bestArea > MAX_AREA * GRID * GRID) {
            return ImageRegion.WHOLE;
        }
        double cell = 1.0 / GRID;
        return new ImageRegion(best[0] * cell, best[1] * cell, best[2] * cell, best[3] * cell);
    }

    /** Sum of |∂x| + |∂y| of the luminance per grid cell, over a nearest-neighbour sample of the image. */
    private static double[][] cellEnergy(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int sw = Math.min(width, SAMPLE_SIDE);
        int sh = Math.min(height, SAMPLE_SIDE);
        int[][] luma = new int[sh][sw];
        for (int y = 0; y < sh; y++) {
            int srcY = (int) ((long) y * height / sh);
            for (int x = 0; x < sw; x++) {
                int rgb = image.getRGB((int) ((long) x * width / sw), srcY);
                luma[y][x] = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
            }
        }
        double[][] energy = new double[GRID][GRID];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int dx = x + 1 < sw ? Math.abs(luma[y][x + 1] - luma[y][x]) : 0;
                int dy = y + 1 < sh ? Math.abs(luma[y + 1][x] - luma[y][x]) : 0;
                energy[y * GRID / sh][x * GRID / sw] += dx + dy;
            }
        }
        return energy;
    }

    private static double[][] prefixSums(double[][] energy) {
        double[][] prefix = new double[GRID + 1][GRID + 1];
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                prefix[y + 1][x + 1] = energy[y][x] + prefix[y][x + 1] + prefix[y + 1][x] - prefix[y][x];
            }
        }
        return prefix;
    }

    private static double sum(double[][] prefix, int x, int y, int w, int h) {
        return prefix[y + h][x + w] - prefix[y][x + w] - prefix[y + h][x] + prefix[y][x];
    }
}
