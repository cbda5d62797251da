package io.headroom.fidelity.images;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The images of the image benchmark, drawn with Java2D from a fixed seed so every run sees the same pixels:
 * screenshots with text (PNG), charts (PNG), photo-like gradients (JPEG) and printed documents (PNG), square, of
 * any side. The text drawn on screenshots and documents is returned with the image, so OCR can be scored against it.
 */
public final class GeneratedImages {
    public static final long SEED = 19;

    public enum Kind { SCREENSHOT, CHART, PHOTO, DOCUMENT }

    /** One generated image: its encoded bytes, and the text printed on it (empty when it carries none to read). */
    public record Image(Kind kind, int side, String mimeType, byte[] bytes, List<String> text) {
        public String name() {
            return kind.name().toLowerCase(Locale.ROOT) + "_" + side;
        }
    }

    private static final String[] WORDS = {
        "account", "balance", "invoice", "shipping", "order", "customer", "report", "quarter", "revenue", "status",
        "pending", "approved", "network", "server", "update", "settings", "profile", "message", "delivery", "total",
        "payment", "warehouse", "copper", "window", "record", "monday", "friday", "review", "export", "import",
        "project", "budget", "travel", "office", "number", "contract", "signed", "client", "ticket", "release"};

    private GeneratedImages() {
    }

    public static Image generate(Kind kind, int side) {
        Random random = new Random(SEED * 31 + kind.ordinal() * 7919L + side);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        List<String> text = switch (kind) {
            case SCREENSHOT -> screenshot(g, side, random);
            case CHART -> chart(g, side, random);
            case PHOTO -> photo(g, side, random);
            case DOCUMENT -> document(g, side, random);
        };
        g.dispose();
        if (kind == Kind.PHOTO) {
            return new Image(kind, side, "image/jpeg", jpeg(image), List.of());
        }
        return new Image(kind, side, "image/png", png(image), text);
    }

    /** A window: title bar, sidebar of icons, and a panel of labelled rows. */
    private static List<String> screenshot(Graphics2D g, int side, Random random) {
        g.setColor(new Color(245, 246, 248));
        g.fillRect(0, 0, side, side);
        int bar = side / 14;
        g.setColor(new Color(38, 50, 72));
        g.fillRect(0, 0, side, bar);
        g.setColor(new Color(225, 229, 236));
        g.fillRect(0, bar, side / 6, side - bar);
        for (int i = 0; i < 8; i++) {
            g.setColor(new Color(random.nextInt(200), random.nextInt(200), 200));
            g.fillRoundRect(side / 24, bar + side / 30 + i * side / 12, side / 12, side / 16, 8, 8);
        }
        int font = Math.max(14, side / 34);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, font));
        g.setColor(Color.BLACK);
        List<String> lines = new ArrayList<>();
        int left = side / 6 + side / 20;
        for (int y = bar + font * 2; y + font < side - font && lines.size() < 12; y += font * 2) {
            String line = sentence(random, 4);
            g.drawString(line, left, y);
            lines.add(line);
        }
        return lines;
    }

    /** A bar chart with axes and a title. */
    private static List<String> chart(Graphics2D g, int side, Random random) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        int margin = side / 8;
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(Math.max(1, side / 256f)));
        g.drawLine(margin, side - margin, side - margin / 2, side - margin);
        g.drawLine(margin, margin, margin, side - margin);
        int bars = 6 + random.nextInt(5);
        int width = (side - margin * 2) / bars;
        for (int i = 0; i < bars; i++) {
            int h = (int) ((side - margin * 2.5) * (0.2 + 0.8 * random.nextDouble()));
            g.setColor(Color.getHSBColor(i / (float) bars, 0.6f, 0.85f));
            g.fillRect(margin + i * width + width / 6, side - margin - h, width * 2 / 3, h);
        }
        int font = Math.max(14, side / 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, font));
        g.setColor(Color.BLACK);
        String title = sentence(random, 3);
        g.drawString(title, margin, margin / 2 + font / 2);
        return List.of(title);
    }

    /** A sky-to-ground gradient with soft round shapes and grain: smooth areas, some detail, no text. */
    private static List<String> photo(Graphics2D g, int side, Random random) {
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 210), 0, side, new Color(200, 170, 120)));
        g.fillRect(0, 0, side, side);
        for (int i = 0; i < 12; i++) {
            float r = side * (0.05f + 0.2f * random.nextFloat());
            float x = side * random.nextFloat();
            float y = side * random.nextFloat();
            Color c = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 180);
            g.setPaint(new RadialGradientPaint(x, y, r, new float[] {0f, 1f}, new Color[] {c, new Color(0, 0, 0, 0)}));
            g.fillOval((int) (x - r), (int) (y - r), (int) (2 * r), (int) (2 * r));
        }
        for (int i = 0; i < side * side / 64; i++) {
            int v = random.nextInt(60);
            g.setColor(new Color(v, v, v, 40));
            g.fillRect(random.nextInt(side), random.nextInt(side), 1, 1);
        }
        return List.of();
    }

    /** A printed page: a title and paragraphs of lines. */
    private static List<String> document(Graphics2D g, int side, Random random) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        int font = Math.max(14, side / 40);
        int margin = side / 10;
        List<String> lines = new ArrayList<>();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.BOLD, (int) (font * 1.4)));
        String title = sentence(random, 3);
        g.drawString(title, margin, margin);
        lines.add(title);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, font));
        int wordsPerLine = Math.max(3, (side - 2 * margin) / (font * 5));
        for (int y = margin + font * 3; y < side - margin && lines.size() < 30; y += (int) (font * 1.8)) {
            String line = sentence(random, wordsPerLine);
            g.drawString(line, margin, y);
            lines.add(line);
        }
        return lines;
    }

    private static String sentence(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) out.append(' ');
            String word = WORDS[random.nextInt(WORDS.length)];
            out.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        if (random.nextInt(3) == 0) out.append(' ').append(100 + random.nextInt(9900));
        return out.toString();
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JPEG at quality 0.9, as a camera or a screenshot tool would save a photo. */
    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
