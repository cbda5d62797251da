package io.headroom.soak;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One raw HTTP/1.1 connection for hostile requests, which the JDK client cannot send (a declared body
 * that never comes, a byte a second). A watchdog closes the socket when the hold time is over, so a
 * write the gateway never reads cannot block the soak; the connection then counts as held open.
 */
final class RawConnection implements AutoCloseable {
    /** What the gateway did with the connection. */
    enum End { ANSWERED, CLOSED, HELD_OPEN, CONNECT_FAILED }

    /** The end of the exchange and, when answered, the status code. */
    record Outcome(End end, int status) {
        String label() {
            return switch (end) {
                case ANSWERED -> "answered-" + status;
                case CLOSED -> "closed-by-gateway";
                case HELD_OPEN -> "held-open";
                case CONNECT_FAILED -> "connect-failed";
            };
        }
    }

    private final Socket socket = new Socket();
    private final long deadlineNanos;
    private final ScheduledFuture<?> watchdog;
    private volatile boolean timedOut;
    private InputStream in;
    private OutputStream out;

    private RawConnection(long holdMillis, ScheduledExecutorService timer) {
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis);
        this.watchdog = timer.schedule(() -> {
            timedOut = true;
            closeQuietly();
        }, holdMillis, TimeUnit.MILLISECONDS);
    }

    /** Connects from {@code local} (null: any) to {@code target}; null when the connection was refused. */
    static RawConnection open(InetAddress local, InetSocketAddress target, long holdMillis,
                              ScheduledExecutorService timer) {
        RawConnection c = new RawConnection(holdMillis, timer);
        try {
            if (local != null) {
                c.socket.bind(new InetSocketAddress(local, 0));
            }
            c.socket.connect(target, 5_000);
            c.in = new BufferedInputStream(c.socket.getInputStream());
            c.out = c.socket.getOutputStream();
            return c;
        } catch (IOException e) {
            c.close();
            return null;
        }
    }

    static byte[] head(String method, String path, String... headerLines) {
        StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        for (String h : headerLines) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes everything; false when the gateway closed (or the hold ended) before it was all taken. */
    boolean write(byte[] data) {
        try {
            for (int off = 0; off < data.length; off += 64 * 1024) {
                out.write(data, off, Math.min(64 * 1024, data.length - off));
            }
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits up to {@code millis} for the gateway to react without consuming anything: true when it
     * answered or closed, false when it is still silent.
     */
    boolean reacted(long millis) {
        try {
            socket.setSoTimeout((int) Math.max(1, millis));
            in.mark(1);
            int b = in.read();
            if (b >= 0) {
                in.reset();
            }
            return true;
        } catch (SocketTimeoutException silent) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads the status line, waiting until the hold time is over. */
    Outcome awaitAnswer() {
        try {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remaining <= 0) {
                return new Outcome(End.HELD_OPEN, 0);
            }
            socket.setSoTimeout((int) remaining);
            String status = readLine();
            if (status == null) {
                return ended();
            }
            String[] parts = status.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                return new Outcome(End.ANSWERED, 0);
            }
            return new Outcome(End.ANSWERED, Integer.parseInt(parts[1]));
        } catch (SocketTimeoutException e) {
            return new Outcome(End.HELD_OPEN, 0);
        } catch (IOException | NumberFormatException e) {
            return ended();
        }
    }

    private Outcome ended() {
        return new Outcome(timedOut ? End.HELD_OPEN : End.CLOSED, 0);
    }

    boolean timedOut() {
        return timedOut;
    }

    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                return b.toString().strip();
            }
            if (b.length() < 8192) {
                b.append((char) c);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        watchdog.cancel(false);
        closeQuietly();
    }
}
