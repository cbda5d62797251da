package io.headroom.internal.image;

/**
 * Whether an image has more than one frame, from its container's markers only (no pixel is decoded): GIF image
 * descriptors, the APNG {@code acTL} chunk before the first {@code IDAT}, the WebP {@code VP8X} animation flag.
 */
final class AnimationProbe {
    private AnimationProbe() {
    }

    static boolean animated(ImageFormat format, byte[] b) {
        return switch (format) {
            case GIF -> gifFrames(b) > 1;
            case PNG -> apng(b);
            case WEBP -> b.length > 20 && b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == 'X'
                    && (b[20] & 0x02) != 0;
            case JPEG -> false;
        };
    }

    /** PNG chunks up to the first IDAT: an {@code acTL} chunk there makes it an animated PNG. */
    private static boolean apng(byte[] b) {
        int p = 8;
        while (p + 8 <= b.length) {
            long length = ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            String type = new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("acTL")) {
                return true;
            }
            if (type.equals("IDAT")) {
                return false;
            }
            p += 12 + (int) Math.min(length, Integer.MAX_VALUE - 12L);
            if (p < 0) {
                return false;
            }
        }
        return false;
    }

    /** Image descriptors of a GIF, walking its blocks (stops at two: that is enough to know). */
    private static int gifFrames(byte[] b) {
        if (b.length < 13) {
            return 0;
        }
        int p = 13;
        if ((b[10] & 0x80) != 0) {
            p += 3 * (1 << ((b[10] & 0x07) + 1)); // global colour table
        }
        int frames = 0;
        while (p < b.length) {
            int marker = b[p] & 0xff;
            if (marker == 0x3B) {
                break; // trailer
            } else if (marker == 0x21) { // extension: label, then sub-blocks
                p = skipSubBlocks(b, p + 2);
            } else if (marker == 0x2C) {
                if (++frames > 1 || p + 10 > b.length) {
                    break;
                }
                int flags = b[p + 9] & 0xff;
                p += 10;
                if ((flags & 0x80) != 0) {
                    p += 3 * (1 << ((flags & 0x07) + 1)); // local colour table
                }
                p = skipSubBlocks(b, p + 1); // LZW minimum code size, then data
            } else {
                break; // not a GIF block: corrupt, let the decoder decide
            }
            if (p < 0) {
                break;
            }
        }
        return frames;
    }

    private static int skipSubBlocks(byte[] b, int p) {
        while (p >= 0 && p < b.length) {
            int size = b[p] & 0xff;
            p += 1 + size;
            if (size == 0) {
                return p;
            }
        }
        return b.length;
    }
}
