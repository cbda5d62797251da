package io.headroom.testimages;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** Real encoded images for tests, drawn with Java2D: a gradient with text, in the format asked for. */
public final class TestImages {
    private TestImages() {
    }

    public static BufferedImage drawn(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 200), width, height, new Color(240, 200, 40)));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 20)));
            for (int y = height / 10; y < height; y += height / 5) {
                g.drawString("Invoice 2026-0042 total 1,337.00 EUR", width / 20, y);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static byte[] encoded(int width, int height, String format) {
        return encode(drawn(width, height, format.equals("png")), format);
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** Printed lines, black on white, large enough that Tesseract reads them with high confidence; as PNG. */
    public static byte[] printedDocument(List<String> lines) {
        BufferedImage image = new BufferedImage(1100, 80 + lines.size() * 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), 40, 72 + i * 64);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String dataUrl(String mime, byte[] bytes) {
        return "data:" + mime + ";base64," + base64(bytes);
    }
}
