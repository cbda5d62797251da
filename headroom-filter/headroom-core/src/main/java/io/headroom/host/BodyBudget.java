package io.headroom.host;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many request-body bytes one host may hold for Headroom at once, across all requests. A host reserves a
 * body's size before it reads the first byte (the declared {@code Content-Length}, or its read limit when none
 * is declared) and releases it when the request is done; what does not fit is not read at all. The reservation
 * is an upper bound of the memory the read can take, so memory stays within the budget whatever headers claim
 * (a lying {@code Content-Length} only ever reserves more than arrives); once read, a body keeps only its
 * actual size reserved. Thread-safe.
 */
public final class BodyBudget {
    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    public BodyBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("budget must be > 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The most bytes held at once. */
    public long capacity() {
        return capacity;
    }

    /** Bytes reserved right now by reads in progress or bodies not yet released. */
    public long reserved() {
        return reserved.get();
    }

    /**
     * Reserves {@code bytes}, or returns null when they do not fit next to what is already reserved. A single
     * body larger than the whole budget never fits.
     */
    public Reservation tryReserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        while (true) {
            long now = reserved.get();
            if (now + bytes > capacity) {
                return null;
            }
            if (reserved.compareAndSet(now, now + bytes)) {
                return new Reservation(bytes);
            }
        }
    }

    /** The bytes a host reserves for a body: its declared length when there is one, otherwise the read limit. */
    public static long sizeToReserve(String contentLength, long readLimit) {
        long declared = declaredLength(contentLength);
        return declared >= 0 ? Math.min(declared, readLimit) : readLimit;
    }

    /**
     * What a body of {@code bytes} holds while Headroom works on it: the bytes themselves and, for a gzip or
     * deflate body, what decoding may produce ({@code min(maxBodyBytes, ratio x bytes)}, the decoder's own
     * bound). Counting the decoded size is what keeps a handful of small gzip bombs from each expanding to
     * {@code max-body-bytes} at once outside the budget.
     */
    public static long heldFor(long bytes, AdmissionDecision decision, long maxBodyBytes) {
        if (decision.encoding() == null) {
            return bytes;
        }
        long decoded = bytes > maxBodyBytes / BodyEncoding.DEFAULT_MAX_RATIO
                ? maxBodyBytes : bytes * BodyEncoding.DEFAULT_MAX_RATIO;
        return bytes + decoded;
    }

    /** As {@link #sizeToReserve(String, long)}, plus the decoded size for an encoded body ({@link #heldFor}). */
    public static long sizeToReserve(AdmissionDecision decision, String contentLength, long readLimit, long maxBodyBytes) {
        return heldFor(sizeToReserve(contentLength, readLimit), decision, maxBodyBytes);
    }

    /** The declared {@code Content-Length}, or -1 when absent or not a length. */
    public static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            long declared = Long.parseLong(contentLength.trim());
            return declared >= 0 ? declared : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * One body's share of the budget. {@link #shrinkTo} gives back what the body turned out not to need once it
     * was read; {@link #close()} gives back the rest (once, whoever calls it).
     */
    public final class Reservation implements AutoCloseable {
        private long bytes;
        private boolean released;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        public synchronized long bytes() {
            return bytes;
        }

        /** The body was read and holds {@code actual} bytes: keep only those reserved. Never grows. */
        public synchronized void shrinkTo(long actual) {
            if (!released && actual >= 0 && actual < bytes) {
                reserved.addAndGet(actual - bytes);
                bytes = actual;
            }
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                reserved.addAndGet(-bytes);
            }
        }
    }
}
