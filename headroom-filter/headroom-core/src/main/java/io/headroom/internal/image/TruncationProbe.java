package io.headroom.internal.image;

/**
 * Whether an image's bytes end before its container does, from the container's structure only (no pixel is
 * decoded). Decoders are lenient with a cut-off file: a truncated JPEG decodes without an error, its missing rows
 * grey, and a resized copy of that would silently replace the sender's image. So the end marker must be there:
 * JPEG an EOI after the first SOS, PNG its IEND chunk, GIF its trailer, WebP the length its RIFF header states.
 * Bytes after the end (padding some tools append) are allowed.
 */
final class TruncationProbe {
    private TruncationProbe() {
    }

    static boolean truncated(ImageFormat format, byte[] b) {
        return switch (format) {
            case JPEG -> !jpegComplete(b);
            case PNG -> !pngComplete(b);
            case GIF -> !GifStructure.of(b).complete();
            case WEBP -> b.length < 12 || b.length - 8L < littleEndianInt(b, 4);
        };
    }

    /**
     * Walks the marker segments by their lengths to the first SOS, then scans the entropy-coded data: a 0xFF there
     * is either stuffed (0xFF00), a restart marker (0xFFD0-D7) or the next marker, so the first 0xFFD9 is the EOI
     * (a progressive JPEG's further tables and scans are walked the same way).
     */
    private static boolean jpegComplete(byte[] b) {
        int p = 2; // after SOI
        while (p + 1 < b.length) {
            if ((b[p] & 0xff) != 0xff) {
                p++; // stray byte between segments: decoders skip it, so does this walk
                continue;
            }
            int marker = b[p + 1] & 0xff;
            if (marker == 0xff) {
                p++; // fill byte
            } else if (marker == 0xd9) {
                return true;
            } else if (marker == 0x00 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                p += 2; // stuffed byte, TEM or restart marker: no length follows
            } else if (p + 3 >= b.length) {
                return false;
            } else {
                int length = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
                p += 2 + length;
                if (marker == 0xda) {
                    p = nextMarker(b, p);
                }
            }
        }
        return false;
    }

    /** The position of the next 0xFF that starts a marker inside entropy-coded data, or the end. */
    private static int nextMarker(byte[] b, int p) {
        while (p + 1 < b.length) {
            if ((b[p] & 0xff) == 0xff) {
                int next = b[p + 1] & 0xff;
                if (next != 0x00 && !(next >= 0xd0 && next <= 0xd7) && next != 0xff) {
                    return p;
                }
            }
            p++;
        }
        return b.length;
    }

    /** Chunk by chunk (length, type, data, CRC) to IEND, every chunk inside the bytes. */
    private static boolean pngComplete(byte[] b) {
        long p = 8;
        while (p + 12 <= b.length) {
            int at = (int) p;
            long length = ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            if (b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D') {
                return true;
            }
            p += 12 + length;
        }
        return false;
    }

    private static long littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xffL) | ((b[at + 1] & 0xffL) << 8) | ((b[at + 2] & 0xffL) << 16) | ((b[at + 3] & 0xffL) << 24);
    }
}
