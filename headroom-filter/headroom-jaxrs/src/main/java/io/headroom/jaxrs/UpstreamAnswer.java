package io.headroom.jaxrs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One answer the retrieve loop watches: the resource's own (taken from its response) or a follow-up round's (the
 * self-call's response). Reading it chunk by chunk keeps a stream a stream; closing it stops a follow-up call.
 */
final class UpstreamAnswer implements AutoCloseable {
    private static final int CHUNK = 8192;

    private final int status;
    private final String contentType;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    /**
     * @param headers the answer's headers to hand to the client when it is relayed or delivered; null for the
     *                resource's own answer, whose headers are already on the response
     */
    UpstreamAnswer(int status, String contentType, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        this.contentType = contentType;
        this.headers = headers;
        this.body = body == null ? new ByteArrayInputStream(new byte[0]) : body;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    /** Null for the resource's own answer. */
    Map<String, List<String>> headers() {
        return headers;
    }

    InputStream body() {
        return body;
    }

    /** The next chunk as it arrives, or null at the end. */
    byte[] nextChunk() throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n = body.read(buffer);
        return n < 0 ? null : Arrays.copyOf(buffer, n);
    }

    byte[] readAll() throws IOException {
        return body.readAllBytes();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // a follow-up that failed or was abandoned: nothing left to release
        }
    }
}
