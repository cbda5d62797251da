package io.headroom.testimages;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * The images no provider-side resize may touch, and their well-formed siblings, built in code: ImageIO writes what
 * it can (JPEG from a 4-band raster, PNG, GIF, BMP, TIFF); WebP, whose ImageIO plugin only reads, is assembled by
 * hand from the RIFF container and a minimal lossless (VP8L) bitstream, and the APNG from a PNG's own chunks.
 */
public final class BadImages {
    private BadImages() {
    }

    // --- JPEG -----------------------------------------------------------------------------------------------------

    /**
     * A 4-component JPEG with an Adobe APP14 marker: transform 0 (CMYK, stored as is) or 2 (YCCK). Written from a
     * raster, so the JDK writer converts no colour and the APP14 transform flag is what names the colour space.
     */
    public static byte[] fourComponentJpeg(int width, int height, boolean ycck) {
        WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x * 255 / width, y * 255 / height, 40, (x + y) % 64});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createInterleaved(java.awt.color.ColorSpace.getInstance(
                            java.awt.color.ColorSpace.CS_sRGB), new int[] {0, 1, 2, 3}, java.awt.image.DataBuffer.TYPE_BYTE,
                            true, false), param);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
            IIOMetadataNode markers = child(root, "markerSequence");
            IIOMetadataNode adobe = child(markers, "app14Adobe");
            if (adobe == null) {
                adobe = new IIOMetadataNode("app14Adobe");
                markers.insertBefore(adobe, markers.getFirstChild());
            }
            adobe.setAttribute("transform", ycck ? "2" : "0");
            IIOMetadataNode jpegVariety = child(root, "JPEGvariety");
            while (jpegVariety != null && jpegVariety.hasChildNodes()) {
                jpegVariety.removeChild(jpegVariety.getFirstChild()); // no JFIF: JFIF means 1 or 3 components
            }
            metadata.setFromTree(format, root);
            return write(writer, new IIOImage(raster, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        return null;
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, image, param);
        }
        return out.toByteArray();
    }

    /** A complete JPEG cut off in its entropy-coded data: the header (and so the size) reads, the pixels do not. */
    public static byte[] truncatedJpeg(int width, int height) {
        byte[] jpeg = TestImages.encoded(width, height, "jpeg");
        return Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
    }

    // --- PNG ------------------------------------------------------------------------------------------------------

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** An APNG: the PNG's own frame as frame 1 ({@code acTL}, {@code fcTL} before IDAT) and a second frame in fdAT. */
    public static byte[] apng(int width, int height) {
        byte[] first = TestImages.encoded(width, height, "png");
        byte[] second = TestImages.encoded(width, height, "png"); // same pixels: the container is what is tested
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(first, 8));
        int sequence = 0;
        boolean framesAnnounced = false;
        for (Chunk c : chunks(first)) {
            if (c.type.equals("IDAT") && !framesAnnounced) {
                chunk(out, "acTL", ByteBuffer.allocate(8).putInt(2).putInt(0).array()); // 2 frames, loop for ever
                chunk(out, "fcTL", frameControl(sequence++, width, height));
                framesAnnounced = true;
            }
            if (c.type.equals("IEND")) {
                chunk(out, "fcTL", frameControl(sequence++, width, height));
                ByteArrayOutputStream fdat = new ByteArrayOutputStream();
                fdat.writeBytes(ByteBuffer.allocate(4).putInt(sequence++).array());
                fdat.writeBytes(idatData(second));
                chunk(out, "fdAT", fdat.toByteArray());
            }
            chunk(out, c.type, c.data);
        }
        return out.toByteArray();
    }

    /** fcTL: sequence, size, offset 0/0, 1/10 s delay, dispose none, blend source. */
    private static byte[] frameControl(int sequence, int width, int height) {
        return ByteBuffer.allocate(26).putInt(sequence).putInt(width).putInt(height).putInt(0).putInt(0)
                .putShort((short) 1).putShort((short) 10).put((byte) 0).put((byte) 0).array();
    }

    private static byte[] idatData(byte[] png) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Chunk c : chunks(png)) {
            if (c.type.equals("IDAT")) {
                data.writeBytes(c.data);
            }
        }
        return data.toByteArray();
    }

    /** A PNG signature and an IHDR claiming {@code width}×{@code height} 8-bit RGB, then a tiny IDAT and IEND. */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}); // deflate of nothing
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG cut inside its IHDR chunk: not even the size can be read. */
    public static byte[] truncatedPngHeader() {
        return Arrays.copyOf(TestImages.encoded(64, 64, "png"), 20);
    }

    private record Chunk(String type, byte[] data) {
    }

    private static java.util.List<Chunk> chunks(byte[] png) {
        java.util.List<Chunk> out = new java.util.ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(8);
        while (b.remaining() >= 12) {
            int length = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[length];
            b.get(data);
            b.getInt(); // CRC
            out.add(new Chunk(new String(type, StandardCharsets.ISO_8859_1), data));
        }
        return out;
    }

    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    // --- GIF, BMP, TIFF, noise ------------------------------------------------------------------------------------

    /** A GIF of {@code frames} frames, written as an ImageIO sequence. */
    public static byte[] gif(int frames, int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(new IIOImage(TestImages.drawn(width, height, false), null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** BMP or TIFF: ImageIO reads them, no provider takes them. */
    public static byte[] unknownToProviders(String format) {
        return TestImages.encoded(256, 256, format);
    }

    public static byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        new Random(19).nextBytes(b);
        return b;
    }

    // --- WebP -----------------------------------------------------------------------------------------------------

    /**
     * A still lossless WebP: RIFF "WEBP" holding one VP8L chunk. The bitstream is the smallest valid one (no
     * transform, no colour cache, one prefix-code group, every code a "simple" one): green has two symbols (1 bit
     * per pixel), red, blue and alpha one each; so the image is two colours drawn as horizontal bands.
     */
    public static byte[] webpStill(int width, int height) {
        return riff(chunkLe("VP8L", vp8l(width, height)));
    }

    /**
     * An animated WebP: VP8X (animation flag, canvas size), ANIM (background, loop count) and two ANMF frames at
     * offset 0/0, each holding a VP8L bitstream of the canvas size.
     */
    public static byte[] webpAnimated(int width, int height) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer vp8x = le(10).put((byte) 0x02).put(new byte[3]); // flags: animation (bit 1); 3 reserved bytes
        put24(vp8x, width - 1);
        put24(vp8x, height - 1);
        body.writeBytes(chunkLe("VP8X", vp8x.array()));
        body.writeBytes(chunkLe("ANIM", le(6).putInt(0xffffffff).putShort((short) 0).array()));
        for (int frame = 0; frame < 2; frame++) {
            ByteBuffer header = le(16);
            put24(header, 0); // x offset / 2
            put24(header, 0); // y offset / 2
            put24(header, width - 1);
            put24(header, height - 1);
            put24(header, 100); // duration, ms
            header.put((byte) 0); // blend, dispose none
            ByteArrayOutputStream anmf = new ByteArrayOutputStream();
            anmf.writeBytes(header.array());
            anmf.writeBytes(chunkLe("VP8L", vp8l(width, height)));
            body.writeBytes(chunkLe("ANMF", anmf.toByteArray()));
        }
        return riff(body.toByteArray());
    }

    private static byte[] riff(byte[] chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le(4).putInt(4 + chunks.length).array());
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(chunks);
        return out.toByteArray();
    }

    private static byte[] chunkLe(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le(4).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0); // RIFF chunks are padded to an even size
        }
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void put24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >>> 8)).put((byte) (value >>> 16));
    }

    /** The VP8L bitstream (WebP lossless spec, RFC 9649 section 3): bits written least significant first. */
    private static byte[] vp8l(int width, int height) {
        Bits bits = new Bits();
        bits.write(0x2f, 8); // signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha_is_used: no
        bits.write(0, 3); // version 0
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes: one group for the whole image
        simpleCode(bits, 40, 200); // green: two literals, a 1-bit code each (the smaller symbol is code 0)
        simpleCode(bits, 30); // red
        simpleCode(bits, 120); // blue
        simpleCode(bits, 255); // alpha
        simpleCode(bits, 0); // distance (never used: no backward reference)
        for (int y = 0; y < height; y++) {
            int band = (y / Math.max(1, height / 16)) % 2;
            for (int x = 0; x < width; x++) {
                bits.write(band, 1); // the green literal of each pixel; red, blue and alpha cost no bits
            }
        }
        return bits.toByteArray();
    }

    /** A "simple" prefix code of one or two 8-bit symbols. */
    private static void simpleCode(Bits bits, int... symbols) {
        bits.write(1, 1); // simple code
        bits.write(symbols.length - 1, 1);
        bits.write(1, 1); // first symbol is 8 bits wide
        for (int s : symbols) {
            bits.write(s, 8);
        }
    }

    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int value, int width) {
            buffer |= (long) (value & ((1 << width) - 1)) << count;
            count += width;
            while (count >= 8) {
                out.write((int) (buffer & 0xff));
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] toByteArray() {
            if (count > 0) {
                out.write((int) (buffer & 0xff));
                buffer = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
