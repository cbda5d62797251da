package io.headroom.sample.savings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SavingsLedger} and today's {@link TenantSpend} backed by one {@link SavingsFile}: loaded at start,
 * written together by a background thread every {@code flushInterval} when something changed, and once more
 * on {@link #close()}. Never written on the request path, so an unclean stop loses at most what was booked
 * in the last {@code flushInterval}.
 */
public final class PersistentSavings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentSavings.class);

    private final SavingsLedger ledger;
    private final TenantSpend tenants;
    private final SavingsFile file;
    private final ScheduledExecutorService flusher;
    private final Object saveLock = new Object();
    private long savedChanges;
    private boolean warned;
    private boolean closed;

    private PersistentSavings(SavingsLedger ledger, TenantSpend tenants, SavingsFile file, Duration flushInterval) {
        this.ledger = ledger;
        this.tenants = tenants;
        this.file = file;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "headroom-savings-flush");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, flushInterval.toMillis());
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** {@link #open(Path, Duration, Duration, int, Clock)} with {@value TenantSpend#DEFAULT_MAX_TENANTS} tenants a day. */
    public static PersistentSavings open(Path path, Duration flushInterval, Duration retention, Clock clock) {
        return open(path, flushInterval, retention, TenantSpend.DEFAULT_MAX_TENANTS, clock);
    }

    /**
     * Loads {@code path} (a missing or corrupt file starts empty; tenant spend of an earlier day is dropped)
     * and starts the periodic writer.
     *
     * @param retention  how long hourly buckets are kept
     * @param maxTenants tenants whose spend is kept per day (see {@link TenantSpend})
     */
    public static PersistentSavings open(Path path, Duration flushInterval, Duration retention, int maxTenants,
                                         Clock clock) {
        SavingsFile file = new SavingsFile(path);
        Optional<SavingsFile.Contents> stored = file.load();
        SavingsLedger ledger = stored
                .map(s -> new SavingsLedger(clock, retention, s.savings()))
                .orElseGet(() -> new SavingsLedger(clock, retention));
        TenantSpend tenants = new TenantSpend(clock, maxTenants,
                stored.map(SavingsFile.Contents::tenants).orElse(null));
        return new PersistentSavings(ledger, tenants, file, flushInterval);
    }

    public SavingsLedger ledger() {
        return ledger;
    }

    public TenantSpend tenants() {
        return tenants;
    }

    public Path path() {
        return file.path();
    }

    /** Writes the ledger now if it changed since the last write. */
    public void flush() throws IOException {
        synchronized (saveLock) {
            // a booking adds to both, a UTC midnight empties the tenants: either is worth a write
            long changes = ledger.changes() + tenants.changes();
            if (changes == savedChanges) {
                return;
            }
            file.save(new SavingsFile.Contents(ledger.snapshot(), tenants.snapshot()));
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
