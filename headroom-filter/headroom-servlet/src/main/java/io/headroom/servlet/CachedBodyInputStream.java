package io.headroom.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Objects;

/** A {@link ServletInputStream} over a body that is already in memory. */
final class CachedBodyInputStream extends ServletInputStream {
    private final byte[] body;
    private int pos;

    CachedBodyInputStream(byte[] body) {
        this.body = body;
    }

    @Override
    public int read() {
        return pos < body.length ? body[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos >= body.length) {
            return -1;
        }
        int n = Math.min(len, body.length - pos);
        System.arraycopy(body, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return body.length - pos;
    }

    @Override
    public long skip(long n) {
        int skipped = (int) Math.max(0, Math.min(n, body.length - pos));
        pos += skipped;
        return skipped;
    }

    @Override
    public boolean isFinished() {
        return pos >= body.length;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    /** All data is in memory, so the listener can be told at once that everything is readable. */
    @Override
    public void setReadListener(ReadListener listener) {
        Objects.requireNonNull(listener, "listener");
        try {
            if (!isFinished()) {
                listener.onDataAvailable();
            }
            listener.onAllDataRead();
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
        }
    }
}
