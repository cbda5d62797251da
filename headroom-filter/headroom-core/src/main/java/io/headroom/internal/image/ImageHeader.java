package io.headroom.internal.image;

import java.awt.color.ColorSpace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * What an image's header says, read without decoding its pixels: ImageIO readers' {@code getWidth}/{@code getHeight}
 * read only the header, so a decompression bomb is recognised by its claimed size before any pixel is decoded.
 *
 * @param format the detected format (never the declared MIME type)
 * @param width  pixels across
 * @param height pixels down
 * @param flaw   why the image must be left as it is ({@link Flaw#NONE} when it may be re-encoded)
 */
public record ImageHeader(ImageFormat format, int width, int height, Flaw flaw) {

    /** Why an image with a readable size must still go on untouched. */
    public enum Flaw {
        NONE,
        /** More pixels than the decode limit: decoding it would cost memory a request must not take. */
        TOO_LARGE,
        /** The bytes end before the container does: a decoder would fill the missing part in silently. */
        TRUNCATED,
        /** More than one frame: resizing would drop the animation. */
        ANIMATED,
        /** CMYK/YCCK JPEG: re-encoding would change its colours. */
        CMYK
    }

    /**
     * Reads the header of {@code bytes}.
     *
     * @param maxPixels the most pixels an image may have to be decoded at all
     * @return null when no reader recognises the bytes or the header is corrupt or truncated
     */
    public static ImageHeader read(byte[] bytes, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                ImageFormat format = ImageFormat.ofImageIoName(reader.getFormatName()).orElse(null);
                if (format == null) {
                    return null; // BMP, TIFF ...: no provider takes them; counted as unknown
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return null;
                }
                Flaw flaw = Flaw.NONE;
                if ((long) width * height > maxPixels) {
                    flaw = Flaw.TOO_LARGE;
                } else if (TruncationProbe.truncated(format, bytes)) {
                    flaw = Flaw.TRUNCATED;
                } else if (AnimationProbe.animated(format, bytes)) {
                    flaw = Flaw.ANIMATED;
                } else if (format == ImageFormat.JPEG && cmyk(reader)) {
                    flaw = Flaw.CMYK;
                }
                return new ImageHeader(format, width, height, flaw);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null; // corrupt or truncated header: the image is counted as unknown and left alone
        }
    }

    private static boolean cmyk(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw == null) {
            return true; // a colour model the reader cannot describe: not one to re-encode
        }
        int type = raw.getColorModel().getColorSpace().getType();
        return type == ColorSpace.TYPE_CMYK || type == ColorSpace.TYPE_4CLR;
    }
}
