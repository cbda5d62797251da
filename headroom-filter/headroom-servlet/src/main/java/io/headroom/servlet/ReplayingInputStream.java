package io.headroom.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * The bytes already consumed from a request stream followed by the rest of that stream, so an
 * oversized body reaches the application exactly as the client sent it without being buffered.
 */
final class ReplayingInputStream extends ServletInputStream {
    private final byte[] prefix;
    private final ServletInputStream rest;
    private int pos;

    ReplayingInputStream(byte[] prefix, ServletInputStream rest) {
        this.prefix = prefix;
        this.rest = rest;
    }

    @Override
    public int read() throws IOException {
        return pos < prefix.length ? prefix[pos++] & 0xFF : rest.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos < prefix.length) {
            int n = Math.min(len, prefix.length - pos);
            System.arraycopy(prefix, pos, b, off, n);
            pos += n;
            return n;
        }
        return rest.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return pos < prefix.length ? prefix.length - pos : rest.available();
    }

    @Override
    public boolean isFinished() {
        return pos >= prefix.length && rest.isFinished();
    }

    @Override
    public boolean isReady() {
        return pos < prefix.length || rest.isReady();
    }

    /**
     * Non-blocking reads go to the container's stream; if the container reports the end before the
     * listener has drained the replayed prefix, the listener is offered the prefix first.
     */
    @Override
    public void setReadListener(ReadListener listener) {
        Objects.requireNonNull(listener, "listener");
        rest.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                listener.onDataAvailable();
            }

            @Override
            public void onAllDataRead() throws IOException {
                if (pos < prefix.length) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            }

            @Override
            public void onError(Throwable t) {
                listener.onError(t);
            }
        });
    }
}
