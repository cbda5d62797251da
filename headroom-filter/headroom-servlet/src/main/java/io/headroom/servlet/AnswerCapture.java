package io.headroom.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * The response the downstream writes one answer into during a retrieve exchange. Status and headers are held
 * ({@link CapturedHead}) until the answer commits (first body byte, a flush, or its end); then the
 * {@link RetrieveExchange} decides where it goes: collected whole, fed chunk by chunk to the loop and on to the
 * client as it is written (a stream is never held back), relayed to the client as it came, or dropped.
 * Thread-safe, because an asynchronous downstream writes from its own thread.
 */
final class AnswerCapture extends HttpServletResponseWrapper {
    /** Where the bytes of this answer go once it committed. */
    enum Route {
        /** Collected whole for the loop. */
        COLLECT,
        /** Fed to the loop chunk by chunk; what it returns goes to the client at once. */
        STREAM,
        /** To the client byte for byte (an answer relayed as it came). */
        RELAY,
        /** Nowhere: the client already got bytes and will get the provider's error event instead. */
        DROP
    }

    private final RetrieveExchange exchange;
    private final CapturedHead head = new CapturedHead();
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CaptureStream stream = new CaptureStream();
    private PrintWriter writer;
    private Route route;
    private boolean errorSent;

    AnswerCapture(HttpServletResponse client, RetrieveExchange exchange) {
        super(client);
        this.exchange = exchange;
    }

    CapturedHead head() {
        return head;
    }

    /** Null until the answer committed. */
    synchronized Route route() {
        return route;
    }

    /** The downstream wrote everything (returned, or completed): commits an empty answer, flushes its writer. */
    synchronized Route end() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        commit();
        return route;
    }

    synchronized byte[] collectedBody() {
        return collected.toByteArray();
    }

    /** True when the downstream ended the answer with sendError: the container writes its body. */
    synchronized boolean errorSent() {
        return errorSent;
    }

    private void commit() throws IOException {
        if (route != null) {
            return;
        }
        route = exchange.onHead(this);
    }

    private synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return;
        }
        commit();
        switch (route) {
            case COLLECT -> collected.write(b, off, len);
            case STREAM -> exchange.streamChunk(Arrays.copyOfRange(b, off, off + len));
            case RELAY -> exchange.writeRaw(b, off, len);
            case DROP -> { }
        }
    }

    private synchronized void flush() throws IOException {
        commit();
        if (route == Route.STREAM || route == Route.RELAY) {
            exchange.flushClient();
        }
    }

    // ---- the head, held until commit

    @Override
    public synchronized void setStatus(int sc) {
        if (route == null) {
            head.status(sc);
        }
    }

    @Override
    public synchronized int getStatus() {
        return head.status();
    }

    @Override
    public synchronized void setContentType(String type) {
        if (route == null) {
            head.set("Content-Type", type);
        }
    }

    @Override
    public synchronized String getContentType() {
        return head.contentType();
    }

    @Override
    public synchronized void setCharacterEncoding(String charset) {
        if (route != null || writer != null) {
            return;
        }
        String type = head.contentType();
        if (type != null) {
            int semicolon = type.indexOf(';');
            String base = semicolon < 0 ? type : type.substring(0, semicolon);
            head.set("Content-Type", charset == null ? base : base + ";charset=" + charset);
        }
    }

    @Override
    public synchronized String getCharacterEncoding() {
        return charset().name();
    }

    private Charset charset() {
        String type = head.contentType();
        if (type != null) {
            for (String param : type.split(";")) {
                String p = param.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring("charset=".length()).replace("\"", "").trim());
                    } catch (RuntimeException e) {
                        break;
                    }
                }
            }
        }
        return StandardCharsets.ISO_8859_1; // the servlet default
    }

    @Override
    public synchronized void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public synchronized void setContentLengthLong(long len) {
        if (route == null) {
            head.set("Content-Length", len < 0 ? null : Long.toString(len));
        }
    }

    @Override
    public synchronized void setHeader(String name, String value) {
        if (route == null) {
            head.set(name, value);
        }
    }

    @Override
    public synchronized void addHeader(String name, String value) {
        if (route == null) {
            head.add(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, HttpDates.format(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, HttpDates.format(date));
    }

    @Override
    public synchronized boolean containsHeader(String name) {
        return head.contains(name);
    }

    @Override
    public synchronized String getHeader(String name) {
        return head.get(name);
    }

    @Override
    public synchronized Collection<String> getHeaders(String name) {
        return head.getAll(name);
    }

    @Override
    public synchronized Collection<String> getHeaderNames() {
        return head.names();
    }

    // ---- errors and redirects end the answer at once, as on a real response

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public synchronized void sendError(int sc, String msg) throws IOException {
        if (route != null) {
            throw new IllegalStateException("the response is already committed");
        }
        head.status(sc);
        errorSent = true;
        commit();
        if (route == Route.RELAY) {
            exchange.sendError(sc, msg);
        }
    }

    @Override
    public synchronized void sendRedirect(String location) throws IOException {
        if (route != null) {
            throw new IllegalStateException("the response is already committed");
        }
        head.status(HttpServletResponse.SC_FOUND);
        head.set("Location", location);
        commit();
    }

    // ---- the body

    @Override
    public ServletOutputStream getOutputStream() {
        return stream;
    }

    @Override
    public synchronized PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(stream, charset()));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        flush();
    }

    @Override
    public synchronized boolean isCommitted() {
        return route != null;
    }

    @Override
    public synchronized void reset() {
        if (route != null) {
            throw new IllegalStateException("the response is already committed");
        }
        head.clear();
        collected.reset();
    }

    @Override
    public synchronized void resetBuffer() {
        if (route != null) {
            throw new IllegalStateException("the response is already committed");
        }
        collected.reset();
    }

    @Override
    public void setBufferSize(int size) {
        // nothing is buffered before commit: the answer commits on its first byte
    }

    @Override
    public int getBufferSize() {
        return 0;
    }

    /** The downstream's body stream: every write and flush goes to the capture at once. */
    private final class CaptureStream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            AnswerCapture.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            AnswerCapture.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            AnswerCapture.this.flush();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        /** Writes never wait (the client's stream blocks instead), so the listener may write at once. */
        @Override
        public void setWriteListener(WriteListener listener) {
            Objects.requireNonNull(listener, "listener");
            try {
                listener.onWritePossible();
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            }
        }
    }
}
