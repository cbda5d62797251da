package io.headroom.sample.savings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SavingsLedger} backed by a {@link SavingsFile}: loaded at start, written by a background
 * thread every {@code flushInterval} when something changed, and once more on {@link #close()}.
 * Never written on the request path.
 */
public final class PersistentSavings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentSavings.class);

    private final SavingsLedger ledger;
    private final SavingsFile file;
    private final ScheduledExecutorService flusher;
    private final Object saveLock = new Object();
    private long savedChanges;
    private boolean warned;
    private boolean closed;

    private PersistentSavings(SavingsLedger ledger, SavingsFile file, Duration flushInterval) {
        this.ledger = ledger;
        this.file = file;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "headroom-savings-flush");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, flushInterval.toMillis());
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads {@code path} (a missing or corrupt file starts empty) and starts the periodic writer.
     *
     * @param retention how long hourly buckets are kept
     */
    public static PersistentSavings open(Path path, Duration flushInterval, Duration retention, Clock clock) {
        SavingsFile file = new SavingsFile(path);
        SavingsLedger ledger = file.load()
                .map(s -> new SavingsLedger(clock, retention, s))
                .orElseGet(() -> new SavingsLedger(clock, retention));
        return new PersistentSavings(ledger, file, flushInterval);
    }

    public SavingsLedger ledger() {
        return ledger;
    }

    public Path path() {
        return file.path();
    }

    /** Writes the ledger now if it changed since the last write. */
    public void flush() throws IOException {
        synchronized (saveLock) {
            long changes = ledger.changes();
            if (changes == savedChanges) {
                return;
            }
            file.save(ledger.snapshot());
            savedChanges = changes;
            warned = false;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            synchronized (saveLock) {
                if (!warned) { // one line per failure streak, not one per interval
                    LOG.warn("cannot write savings file {} ({}); will retry", file.path(), e.getClass().getSimpleName());
                    warned = true;
                }
            }
        }
    }

    /** Stops the periodic writer and writes the final state. Idempotent. */
    @Override
    public void close() {
        synchronized (saveLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warned = false;
        flushQuietly();
    }
}
