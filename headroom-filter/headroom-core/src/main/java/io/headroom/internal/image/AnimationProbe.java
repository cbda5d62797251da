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
            case GIF -> GifStructure.of(b).frames() > 1;
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
}
