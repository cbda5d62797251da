package io.headroom.internal.image.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.internal.image.ImageRegion;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BusiestRegionTest {
    @Test
    void anObjectOnAPlainBackgroundIsCroppedToItsPartOfTheImage() {
        // a busy 300×200 checker "object" in the bottom-right of a flat 1200×900 image
        BufferedImage image = flat(1200, 900, new Color(200, 220, 240));
        checker(image, 820, 600, 300, 200);
        ImageRegion region = BusiestRegion.of(image);
        assertTrue(region.width() * region.height() <= 0.25, "small crop: " + region);
        assertContains(region, 820.0 / 1200, 600.0 / 900, 1120.0 / 1200, 800.0 / 900);
    }

    @Test
    void anObjectAcrossTheCentreKeepsAllOfIt() {
        BufferedImage image = flat(1000, 1000, Color.WHITE);
        checker(image, 380, 300, 300, 380);
        ImageRegion region = BusiestRegion.of(image);
        assertTrue(region.width() * region.height() <= 0.5, "a crop: " + region);
        assertContains(region, 0.38, 0.30, 0.68, 0.68);
    }

    @Test
    void aFlatImageIsNotCropped() {
        assertEquals(ImageRegion.WHOLE, BusiestRegion.of(flat(640, 480, Color.GRAY)));
    }

    @Test
    void detailEverywhereIsNotCropped() {
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                image.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        assertEquals(ImageRegion.WHOLE, BusiestRegion.of(image));
    }

    @Test
    void tinyImagesWork() {
        BufferedImage image = flat(3, 2, Color.BLACK);
        image.setRGB(2, 1, 0xffffff);
        ImageRegion region = BusiestRegion.of(image);
        assertTrue(region.width() > 0 && region.height() > 0);
    }

    private static void assertContains(ImageRegion region, double x0, double y0, double x1, double y1) {
        double eps = 1e-9;
        assertTrue(region.x() <= x0 + eps && region.y() <= y0 + eps
                && region.x() + region.width() >= x1 - eps && region.y() + region.height() >= y1 - eps,
                region + " does not hold " + x0 + "," + y0 + " - " + x1 + "," + y1);
    }

    private static BufferedImage flat(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static void checker(BufferedImage image, int x, int y, int width, int height) {
        Graphics2D g = image.createGraphics();
        for (int dy = 0; dy < height; dy += 10) {
            for (int dx = 0; dx < width; dx += 10) {
                g.setColor(((dx + dy) / 10) % 2 == 0 ? Color.BLACK : Color.ORANGE);
                g.fillRect(x + dx, y + dy, 10, 10);
            }
        }
        g.dispose();
    }
}
