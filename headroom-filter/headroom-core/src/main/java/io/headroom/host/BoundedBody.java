package io.headroom.host;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read from a blocking stream up to a byte limit, for the hosts that hand Headroom an
 * {@link InputStream} (servlet, JAX-RS). Memory follows the bytes that actually arrive, never a declared
 * {@code Content-Length}. When the body is larger than the limit only the bytes already consumed are
 * kept ({@link #complete()} is false): the host forwards them followed by the rest of its stream, and
 * {@link Admission#rewrite} leaves them as they are.
 *
 * @param bytes    the whole body when complete, otherwise the prefix that was consumed (limit + 1 bytes)
 * @param complete true when the stream ended within the limit
 */
public record BoundedBody(byte[] bytes, boolean complete) {

    /** Largest array the JVM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Reads {@code in} until it ends or {@code limit} + 1 bytes were read; {@code in} is not closed. */
    public static BoundedBody read(InputStream in, long limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        int cap = (int) Math.min(limit, MAX_ARRAY - 1);
        // readNBytes grows its buffer as data arrives; one byte more than the limit tells
        // "exactly at the limit" from "above it".
        byte[] read = in.readNBytes(cap + 1);
        return new BoundedBody(read, read.length <= cap);
    }
}
