package io.headroom.servlet;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read up to a byte limit. When the body is larger, only the bytes already read
 * are kept ({@link #complete()} is false) so the caller can replay them followed by the rest of
 * the stream instead of holding an oversized body in memory.
 *
 * @param bytes    the whole body when complete, otherwise the prefix that was consumed
 * @param complete true when the stream ended within the limit
 */
record BoundedBody(byte[] bytes, boolean complete) {

    /** Largest array the JVM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    static BoundedBody read(InputStream in, long limit) throws IOException {
        int cap = (int) Math.min(limit, MAX_ARRAY - 1);
        // One byte more than the limit tells "exactly at the limit" from "above it".
        byte[] read = in.readNBytes(cap + 1);
        return read.length > cap ? new BoundedBody(read, false) : new BoundedBody(read, true);
    }
}
