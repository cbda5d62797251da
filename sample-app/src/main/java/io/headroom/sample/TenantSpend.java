package io.headroom.sample;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Today's (UTC) spend per caller, for the per-tenant budget. Kept in memory and started afresh each UTC
 * day (and on restart: the durable daily total of the global budget lives in the savings file). Only
 * answered (2xx) requests are booked, so an entry costs a caller a valid provider credential.
 */
final class TenantSpend {
    private final Clock clock;
    private final Map<String, Double> spent = new ConcurrentHashMap<>();
    private volatile LocalDate day;

    TenantSpend(Clock clock) {
        this.clock = clock;
        this.day = today();
    }

    void add(String caller, double usd) {
        rollOver();
        spent.merge(key(caller), usd, Double::sum);
    }

    double spentToday(String caller) {
        rollOver();
        return spent.getOrDefault(key(caller), 0.0);
    }

    int tenantsToday() {
        rollOver();
        return spent.size();
    }

    int tenantsOver(double limitUsd) {
        rollOver();
        return (int) spent.values().stream().filter(v -> v > limitUsd).count();
    }

    /** The anonymous callers (no credential) are one tenant of their own. */
    private static String key(String caller) {
        return caller == null || caller.isEmpty() ? "anonymous" : caller;
    }

    private synchronized void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            spent.clear();
            day = now;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
