package io.headroom.internal.ccr;

import java.time.Duration;
import java.util.function.Supplier;
import org.ehcache.core.spi.time.TimeSource;
import org.ehcache.expiry.ExpiryPolicy;

/**
 * Expiry read from the value itself: each {@link StoredOriginal} carries its own expiry instant, so a
 * retrieval (which rewrites the value to bump its count) keeps the remaining time-to-live while a
 * re-store restarts it.
 */
final class StoredOriginalExpiry implements ExpiryPolicy<String, StoredOriginal> {
    private final TimeSource time;

    StoredOriginalExpiry(TimeSource time) {
        this.time = time;
    }

    @Override
    public Duration getExpiryForCreation(String key, StoredOriginal value) {
        return remaining(value);
    }

    @Override
    public Duration getExpiryForAccess(String key, Supplier<? extends StoredOriginal> value) {
        return null; // reading does not extend the lifetime
    }

    @Override
    public Duration getExpiryForUpdate(String key, Supplier<? extends StoredOriginal> oldValue, StoredOriginal newValue) {
        return remaining(newValue);
    }

    private Duration remaining(StoredOriginal value) {
        long left = value.expiresAtMillis() - time.getTimeMillis();
        return left <= 0 ? Duration.ZERO : Duration.ofMillis(left);
    }
}
