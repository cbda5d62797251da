package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.TestImages;
import io.headroom.testimages.BadImages;
import io.headroom.ImageConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What {@link ImageHeader} says about each bad-input fixture, from headers and container structure alone, and
 * that the fixtures are what they claim to be (the well-formed ones decode; the CMYK ones carry the Adobe marker).
 */
class BadImageHeaderTest {
    private static final long LIMIT = ImageConfig.DEFAULT_MAX_PIXELS;

    private static ImageHeader header(byte[] bytes) {
        return ImageHeader.read(bytes, LIMIT);
    }

    @Test
    void cmykAndYcckJpegsAreFlaggedCmyk() {
        for (boolean ycck : new boolean[] {false, true}) {
            byte[] jpeg = BadImages.fourComponentJpeg(200, 100, ycck);
            assertEquals(ycck ? 2 : 0, adobeTransform(jpeg), "the fixture's APP14 transform");
            assertEquals(4, frameComponents(jpeg), "the fixture's SOF component count");
            assertEquals(new ImageHeader(ImageFormat.JPEG, 200, 100, ImageHeader.Flaw.CMYK), header(jpeg));
        }
    }

    @Test
    void anAnimatedWebpIsFlaggedAndAStillOneIsReadableAndDecodes() throws Exception {
        assertEquals(new ImageHeader(ImageFormat.WEBP, 320, 240, ImageHeader.Flaw.ANIMATED),
                header(BadImages.webpAnimated(320, 240)));

        byte[] still = BadImages.webpStill(640, 480);
        assertEquals(new ImageHeader(ImageFormat.WEBP, 640, 480, ImageHeader.Flaw.NONE), header(still));
        BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(still));
        assertEquals(640, pixels.getWidth());
        assertTrue(pixels.getRGB(0, 0) != pixels.getRGB(0, 479), "two colours in bands: a real bitstream, decoded");
    }

    @Test
    void anApngIsFlaggedAndThePlainPngItCameFromIsNot() {
        assertEquals(new ImageHeader(ImageFormat.PNG, 320, 240, ImageHeader.Flaw.ANIMATED),
                header(BadImages.apng(320, 240)));
        assertEquals(new ImageHeader(ImageFormat.PNG, 320, 240, ImageHeader.Flaw.NONE),
                header(TestImages.encoded(320, 240, "png")));
    }

    @Test
    void anAnimatedGifIsFlagged() {
        assertEquals(ImageHeader.Flaw.ANIMATED, header(BadImages.gif(3, 80, 60)).flaw());
        assertEquals(ImageHeader.Flaw.NONE, header(BadImages.gif(1, 80, 60)).flaw());
    }

    /**
     * 100,000² 8-bit RGB would be 30 GB of pixels: had the header read decoded anything, this test JVM would have
     * run out of memory. The claimed size comes back with the flaw, under the limit it does not.
     */
    @Test
    void aBombIsFlaggedFromItsClaimedSizeWithoutDecoding() {
        byte[] bomb = BadImages.pngBomb(100_000, 100_000);
        assertTrue(bomb.length < 100, "a tiny body");
        assertEquals(new ImageHeader(ImageFormat.PNG, 100_000, 100_000, ImageHeader.Flaw.TOO_LARGE), header(bomb));
        assertEquals(ImageHeader.Flaw.TOO_LARGE, ImageHeader.read(BadImages.pngBomb(4097, 4096), LIMIT).flaw());
        assertEquals(ImageHeader.Flaw.TOO_LARGE, ImageHeader.read(TestImages.encoded(64, 64, "png"), 64 * 64 - 1).flaw());
    }

    @Test
    void truncatedImagesAreFlaggedThoughADecoderWouldAcceptThem() throws Exception {
        byte[] jpeg = BadImages.truncatedJpeg(640, 480);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(jpeg)), "the JPEG reader fills the missing rows in silently");
        assertEquals(new ImageHeader(ImageFormat.JPEG, 640, 480, ImageHeader.Flaw.TRUNCATED), header(jpeg));

        for (String format : new String[] {"png", "gif", "jpeg"}) {
            byte[] whole = TestImages.encoded(300, 200, format);
            assertEquals(ImageHeader.Flaw.NONE, header(whole).flaw(), format);
            assertEquals(ImageHeader.Flaw.TRUNCATED, header(Arrays.copyOf(whole, whole.length - 3)).flaw(), format);
        }
        byte[] webp = BadImages.webpStill(64, 64);
        assertEquals(ImageHeader.Flaw.TRUNCATED, header(Arrays.copyOf(webp, webp.length - 10)).flaw());

        byte[] padded = Arrays.copyOf(TestImages.encoded(300, 200, "jpeg"), TestImages.encoded(300, 200, "jpeg").length + 64);
        assertEquals(ImageHeader.Flaw.NONE, header(padded).flaw(), "bytes after the end marker are allowed");
    }

    /** A progressive JPEG has several scans with tables between them: its end is still found, it is not cut off. */
    @Test
    void aProgressiveJpegIsComplete() throws Exception {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new javax.imageio.IIOImage(TestImages.drawn(320, 240, false), null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] progressive = out.toByteArray();
        assertTrue(scans(progressive) > 1, "the fixture is progressive");
        assertEquals(new ImageHeader(ImageFormat.JPEG, 320, 240, ImageHeader.Flaw.NONE), header(progressive));
        int secondScan = indexOfMarker(progressive, 0xda, 2);
        assertEquals(ImageHeader.Flaw.TRUNCATED, header(Arrays.copyOf(progressive, secondScan + 40)).flaw());
    }

    private static int scans(byte[] jpeg) {
        int n = 0;
        while (indexOfMarker(jpeg, 0xda, n + 1) >= 0) n++;
        return n;
    }

    /** Position of the {@code nth} 0xFF{@code marker} pair (scan data never holds one: its 0xFF bytes are stuffed). */
    private static int indexOfMarker(byte[] jpeg, int marker, int nth) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == marker && --nth == 0) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void bytesWithNoReadableHeaderHaveNone() {
        assertNull(header(BadImages.truncatedPngHeader()), "cut inside IHDR");
        assertNull(header(BadImages.randomBytes(4096)));
        assertNull(header(new byte[0]));
        assertNull(header("GIF89a".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void formatsNoProviderTakesHaveNoHeaderThoughImageIoReadsThem() throws Exception {
        for (String format : new String[] {"bmp", "tiff"}) {
            byte[] bytes = BadImages.unknownToProviders(format);
            assertNotNull(ImageIO.read(new ByteArrayInputStream(bytes)), format + " is a real image");
            assertNull(header(bytes), format);
        }
    }

    @Test
    void theFormatComesFromTheBytesNotTheLabel() {
        // what the pipeline compares with the declared MIME type: a JPEG is a JPEG whatever its data URL says
        assertEquals(ImageFormat.JPEG, header(TestImages.encoded(64, 64, "jpeg")).format());
        assertEquals(ImageFormat.PNG, ImageFormat.ofMimeType("image/png").orElseThrow());
        assertTrue(ImageFormat.ofMimeType("").isEmpty());
        assertTrue(ImageFormat.ofMimeType(null).isEmpty());
        assertTrue(ImageFormat.ofMimeType("image/bmp").isEmpty());
    }

    /** The transform byte of the Adobe APP14 segment, or -1. */
    private static int adobeTransform(byte[] jpeg) {
        int at = segment(jpeg, 0xee);
        if (at < 0 || !new String(jpeg, at + 4, 5, StandardCharsets.ISO_8859_1).equals("Adobe")) {
            return -1;
        }
        return jpeg[at + 15] & 0xff; // marker 2, length 2, "Adobe" 5, version 2, flags0 2, flags1 2, then transform
    }

    /** The component count of the baseline SOF0 segment. */
    private static int frameComponents(byte[] jpeg) {
        int at = segment(jpeg, 0xc0);
        return at < 0 ? -1 : jpeg[at + 9] & 0xff; // marker 2, length 2, precision 1, height 2, width 2, components
    }

    /** Position of the first segment with {@code marker} before the scan data, walking segments by their length. */
    private static int segment(byte[] jpeg, int marker) {
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xff) == 0xff) {
            int m = jpeg[p + 1] & 0xff;
            if (m == marker) {
                return p;
            }
            if (m == 0xda) {
                return -1;
            }
            p += 2 + (((jpeg[p + 2] & 0xff) << 8) | (jpeg[p + 3] & 0xff));
        }
        return -1;
    }
}
