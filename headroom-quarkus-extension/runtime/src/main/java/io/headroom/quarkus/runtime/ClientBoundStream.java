package io.headroom.quarkus.runtime;

import io.vertx.core.http.HttpServerResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a retrieve exchange writes the client's answer to, failing once the client's connection is closed.
 * Over HTTP/1.1 Quarkus REST's own stream keeps accepting writes after the client went away, so the exchange would
 * never learn it and would keep its upstream call open; a failed write is how it learns (and stops that call).
 */
final class ClientBoundStream extends FilterOutputStream {
    private final HttpServerResponse response;

    ClientBoundStream(OutputStream out, HttpServerResponse response) {
        super(out);
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        checkOpen();
        out.flush();
    }

    private void checkOpen() throws IOException {
        if (response.closed()) {
            throw new IOException("the client disconnected");
        }
    }
}
