package io.headroom.internal.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decodes, resizes, crops and re-encodes one image with ImageIO (TwelveMonkeys adds WebP reading and a sturdier
 * JPEG reader). Resizing keeps the aspect ratio and never upscales; JPEG is re-encoded at {@link #JPEG_QUALITY};
 * the format is kept, except that WebP (no maintained Java encoder) goes out as JPEG when opaque and PNG when
 * not, and a GIF goes out as PNG when that is smaller (both lossless). Callers check the header
 * ({@link ImageHeader}) first: this class decodes whatever it is given.
 */
final class ImageCodec {
    /** JPEG quality of a re-encode: visually lossless at the reduced size, well under the original's bytes. */
    static final float JPEG_QUALITY = 0.85f;

    private ImageCodec() {
    }

    /** An encoded image and its size. */
    record Encoded(byte[] bytes, ImageFormat format, int width, int height) {
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("no reader decoded the image");
        }
        return image;
    }

    /** The image scaled so its longer side is at most {@code maxEdge} (and its shorter at most {@code maxShort}). */
    static BufferedImage fit(BufferedImage image, int maxEdge, int maxShort) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1, Math.min((double) maxEdge / Math.max(w, h), (double) maxShort / Math.min(w, h)));
        if (scale >= 1) {
            return image; // never upscaled
        }
        return scale(image, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)));
    }

    /** The image scaled by {@code factor} (aspect kept; a factor of 1 or more returns it as it is). */
    static BufferedImage scaleBy(BufferedImage image, double factor) {
        if (factor >= 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        return fit(image, Math.max(1, (int) Math.round(Math.max(w, h) * factor)),
                Math.max(1, (int) Math.round(Math.min(w, h) * factor)));
    }

    /** The part of {@code image} inside {@code region} (fractions of its size). */
    static BufferedImage crop(BufferedImage image, ImageRegion region) {
        int w = image.getWidth();
        int h = image.getHeight();
        int x = (int) Math.floor(region.x() * w);
        int y = (int) Math.floor(region.y() * h);
        int cw = Math.max(1, Math.min(w - x, (int) Math.ceil(region.width() * w)));
        int ch = Math.max(1, Math.min(h - y, (int) Math.ceil(region.height() * h)));
        BufferedImage out = new BufferedImage(cw, ch, workingType(image));
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, cw, ch, x, y, x + cw, y + ch, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Scales by halving steps then one bilinear step: a single bilinear step from far above the target aliases
     * text badly, this keeps screenshots readable at a fraction of area-averaging's cost.
     */
    private static BufferedImage scale(BufferedImage image, int targetW, int targetH) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        do {
            w = Math.max(targetW, w / 2);
            h = Math.max(targetH, h / 2);
            BufferedImage next = new BufferedImage(w, h, workingType(image));
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w != targetW || h != targetH);
        return current;
    }

    private static int workingType(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** Encodes {@code image} in {@code source}'s format where possible (see the class comment). */
    static Encoded encode(BufferedImage image, ImageFormat source) throws IOException {
        boolean alpha = image.getColorModel().hasAlpha();
        ImageFormat target = source.writable() ? source : alpha ? ImageFormat.PNG : ImageFormat.JPEG;
        byte[] bytes = write(image, target);
        if (target == ImageFormat.GIF) {
            byte[] png = write(image, ImageFormat.PNG);
            if (png.length < bytes.length) {
                return new Encoded(png, ImageFormat.PNG, image.getWidth(), image.getHeight());
            }
        }
        return new Encoded(bytes, target, image.getWidth(), image.getHeight());
    }

    private static byte[] write(BufferedImage image, ImageFormat format) throws IOException {
        BufferedImage pixels = format == ImageFormat.JPEG ? opaque(image) : image;
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IOException("no writer for " + format);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** JPEG has no alpha: flattened onto white, as a viewer would show it. */
    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha() && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
