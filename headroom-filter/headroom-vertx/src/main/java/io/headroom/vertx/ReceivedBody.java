package io.headroom.vertx;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body kept as the chunks it arrived in and joined once, into an array of exactly its length.
 * Growing one buffer instead (Vert.x's {@code BodyHandler}, {@code Buffer.appendBuffer}) doubles it up to
 * 4 MiB and then grows it by 4 MiB at a time, copying the whole body at every step: a 34 MB body cost about
 * 200 MB of copies, most of them in humongous regions that forced full collections under a small heap.
 * Memory still grows only with the bytes received. Not thread-safe: one request's event loop uses it.
 */
final class ReceivedBody {
    private final List<Buffer> chunks = new ArrayList<>();
    private long length;

    void append(Buffer chunk) {
        chunks.add(chunk);
        length += chunk.length();
    }

    long length() {
        return length;
    }

    /** The body, joined; the chunks are released. */
    byte[] toBytes() {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a body over 2 GiB cannot be held");
        }
        byte[] out = new byte[(int) length];
        int at = 0;
        for (Buffer chunk : chunks) {
            chunk.getBytes(out, at);
            at += chunk.length();
        }
        chunks.clear();
        return out;
    }
}
