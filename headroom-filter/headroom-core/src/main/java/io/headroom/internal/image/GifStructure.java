package io.headroom.internal.image;

/**
 * A GIF's block structure, walked without decoding any pixel: how many image descriptors it has (counting stops at
 * two: that is enough to know it is animated) and whether the walk reached the trailer inside the bytes.
 *
 * @param frames   image descriptors seen (at most 2)
 * @param complete true when the trailer ({@code 0x3B}) was reached
 */
record GifStructure(int frames, boolean complete) {

    static GifStructure of(byte[] b) {
        if (b.length < 13) {
            return new GifStructure(0, false);
        }
        int p = 13;
        if ((b[10] & 0x80) != 0) {
            p += 3 * (1 << ((b[10] & 0x07) + 1)); // global colour table
        }
        int frames = 0;
        while (p >= 0 && p < b.length) {
            int marker = b[p] & 0xff;
            if (marker == 0x3B) {
                return new GifStructure(frames, true);
            } else if (marker == 0x21) { // extension: label, then sub-blocks
                p = skipSubBlocks(b, p + 2);
            } else if (marker == 0x2C) {
                if (p + 10 > b.length) {
                    break;
                }
                frames = Math.min(2, frames + 1);
                int flags = b[p + 9] & 0xff;
                p += 10;
                if ((flags & 0x80) != 0) {
                    p += 3 * (1 << ((flags & 0x07) + 1)); // local colour table
                }
                p = skipSubBlocks(b, p + 1); // LZW minimum code size, then data
            } else {
                break; // not a GIF block: corrupt
            }
        }
        return new GifStructure(frames, false);
    }

    /** The position after the sub-blocks starting at {@code p}, or -1 when they run past the end. */
    private static int skipSubBlocks(byte[] b, int p) {
        while (p >= 0 && p < b.length) {
            int size = b[p] & 0xff;
            p += 1 + size;
            if (size == 0) {
                return p;
            }
        }
        return -1;
    }
}
