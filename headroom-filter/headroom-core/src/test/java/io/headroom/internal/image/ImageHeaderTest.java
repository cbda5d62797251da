package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.headroom.testimages.BadImages;
import io.headroom.testimages.TestImages;
import io.headroom.ImageConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {
    private static final long LIMIT = ImageConfig.DEFAULT_MAX_PIXELS;

    @Test
    void sizeAndFormatComeFromTheHeader() {
        ImageHeader png = ImageHeader.read(TestImages.encoded(640, 480, "png"), LIMIT);
        assertEquals(new ImageHeader(ImageFormat.PNG, 640, 480, ImageHeader.Flaw.NONE), png);
        ImageHeader jpeg = ImageHeader.read(TestImages.encoded(300, 700, "jpeg"), LIMIT);
        assertEquals(new ImageHeader(ImageFormat.JPEG, 300, 700, ImageHeader.Flaw.NONE), jpeg);
    }

    @Test
    void aDecompressionBombIsRecognisedFromItsHeaderAlone() {
        // a PNG that claims 100,000 x 100,000 pixels and holds no pixel data at all: decoding it is never tried
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        ImageHeader h = ImageHeader.read(bomb, LIMIT);
        assertEquals(ImageHeader.Flaw.TOO_LARGE, h.flaw());
        assertEquals(100_000, h.width());
    }

    @Test
    void corruptOrUnknownBytesHaveNoHeader() {
        assertNull(ImageHeader.read("not an image at all".getBytes(StandardCharsets.UTF_8), LIMIT));
        byte[] png = TestImages.encoded(64, 64, "png");
        assertNull(ImageHeader.read(Arrays.copyOf(png, 12), LIMIT)); // cut inside the IHDR chunk
        assertNull(ImageHeader.read(TestImages.encoded(64, 64, "bmp"), LIMIT)); // no provider takes BMP
    }

    @Test
    void anAnimatedGifIsRecognisedAndAStillOneIsNot() throws Exception {
        assertEquals(ImageHeader.Flaw.ANIMATED, ImageHeader.read(gif(3), LIMIT).flaw());
        assertEquals(ImageHeader.Flaw.NONE, ImageHeader.read(gif(1), LIMIT).flaw());
    }

    private static byte[] gif(int frames) throws Exception {
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(new javax.imageio.IIOImage(TestImages.drawn(80, 60, false), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        BadImages.chunk(out, "IHDR", ihdr.array());
        return out.toByteArray();
    }
}
