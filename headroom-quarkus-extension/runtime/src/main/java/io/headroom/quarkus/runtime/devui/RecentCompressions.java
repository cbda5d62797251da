package io.headroom.quarkus.runtime.devui;

import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #CAPACITY} compressions, newest first, for the Dev UI card. A fixed-size ring: older
 * entries are overwritten, so memory stays bounded however long the application runs. Registered (and
 * so handed to Headroom as a {@link CompressionListener}) only in dev mode.
 *
 * <p>Records requests whose body was rewritten and, in audit mode, requests that would have been:
 * both are what a developer wants to inspect. Untouched and failed-open requests only count in the
 * totals, which come from {@code Headroom#stats()}.
 */
@Singleton
public class RecentCompressions implements CompressionListener {
    static final int CAPACITY = 20;

    private final Clock clock;
    private final CompressionRecord[] ring = new CompressionRecord[CAPACITY];
    private int next;
    private int size;

    public RecentCompressions() {
        this(Clock.systemUTC());
    }

    RecentCompressions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        boolean audited = mode == Mode.AUDIT && outcome.tokensSaved() > 0;
        if (outcome.compressed() || audited) {
            add(CompressionRecord.of(clock.instant(), endpoint, mode, outcome, elapsedNanos));
        }
    }

    private synchronized void add(CompressionRecord entry) {
        ring[next] = entry;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** The recorded compressions, the most recent first. */
    public synchronized List<CompressionRecord> newestFirst() {
        List<CompressionRecord> out = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            out.add(ring[(next - i + CAPACITY) % CAPACITY]);
        }
        return out;
    }
}
