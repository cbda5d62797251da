package io.headroom.internal.ccr;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.ehcache.core.spi.time.TimeSource;

/** A clock the test moves by hand, shared by the store and Ehcache: expiry without sleeping. */
final class ManualTime implements TimeSource {
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

    @Override
    public long getTimeMillis() {
        return millis.get();
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }
}
