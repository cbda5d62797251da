package io.headroom.jaxrs;

import io.headroom.host.HeadroomLog;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link StreamingOutput} the resource returned (the usual JAX-RS way to relay an event stream chunk by chunk),
 * turned into an {@link InputStream} the retrieve loop reads like any forwarded answer: the resource writes on a
 * thread of its own, each write is handed over as it comes. So a stream the resource writes itself gets what an
 * {@code InputStream} entity gets: nothing is sent before the loop has client bytes, and a follow-up refused before
 * then (429) reaches the client with its own status.
 *
 * <p>Bounded: at most {@value #QUEUED_WRITES} writes wait to be read; the writer blocks beyond that. Closing the
 * stream (the client went away, or the exchange ended early) makes the resource's next write fail, which ends its
 * upstream call.
 */
final class WrittenStream extends InputStream {
    private static final HeadroomLog LOG = HeadroomLog.of(WrittenStream.class);
    private static final int QUEUED_WRITES = 64;
    private static final byte[] END = new byte[0];
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** One writer thread per stream being relayed; each is matched by a request thread waiting on it. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "headroom-jaxrs-stream-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final BlockingQueue<byte[]> writes = new ArrayBlockingQueue<>(QUEUED_WRITES);
    private volatile boolean closed;
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    private WrittenStream() {
    }

    /** Starts the resource's writer and returns what it writes, as it writes it. */
    static WrittenStream of(StreamingOutput resourceStream) {
        WrittenStream stream = new WrittenStream();
        WRITERS.execute(stream.writer(resourceStream));
        return stream;
    }

    private Runnable writer(StreamingOutput resourceStream) {
        return () -> {
            try (OutputStream out = new Handover()) {
                resourceStream.write(out);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    failure = e instanceof IOException io ? io : new IOException(e);
                    LOG.debug("Headroom: the resource's stream failed ({})", e.getClass().getName());
                }
            } finally {
                put(END);
            }
        };
    }

    /** Blocks while the queue is full; gives up once the reader closed. */
    private void put(byte[] bytes) {
        try {
            while (!closed && !writes.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
                // the reader is slower than the resource: wait for it (or for its close)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            byte[] next;
            try {
                next = writes.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the resource's stream");
            }
            if (next == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
            current = next;
            position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        writes.clear(); // frees a writer blocked on a full queue; its next write fails
    }

    /** The resource's output: every write is handed to the reader as it is. */
    private final class Handover extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the client's answer ended; the stream is no longer read");
            }
            if (len > 0) {
                put(Arrays.copyOfRange(b, off, off + len));
            }
        }
    }
}
