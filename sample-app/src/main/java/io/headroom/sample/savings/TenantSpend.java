package io.headroom.sample.savings;

import io.headroom.host.TenantScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Today's (UTC) spend per caller, for the per-tenant budget: started afresh at each UTC midnight, and
 * carried across a restart on the same day through the savings file ({@link PersistentSavings}). Only
 * answered (2xx) requests are booked, so an entry costs a caller a valid provider credential.
 *
 * <p>Bounded: at most {@code maxTenants} callers are kept per day. Once that many have spent today, every
 * further caller is booked under, and budgeted against, the one shared {@value #OVERFLOW} tenant, so no
 * caller escapes the budget however many credentials it brings. Keys are CCR scopes (hashes of a credential
 * or tenant id, see {@link TenantScope}); anything else is hashed first, so no credential is ever kept here
 * or written to disk.
 */
public final class TenantSpend {
    /** The tenant of every caller without a credential. */
    public static final String ANONYMOUS = "anonymous";
    /** The tenant every caller past the daily cap shares. */
    public static final String OVERFLOW = "overflow";
    public static final int DEFAULT_MAX_TENANTS = 10_000;
    /** A caller's scope as {@link TenantScope} derives it: "k-" (credential) or "t-" (tenant id) and a hash. */
    private static final Pattern SCOPE = Pattern.compile("[kt]-[0-9a-f]{32}");

    private final Clock clock;
    private final int maxTenants;
    private final AtomicLong changes = new AtomicLong();
    private volatile Day current;

    /** Today's spend per key, as written to and read from the savings file. */
    public record Snapshot(LocalDate day, Map<String, Double> spent) {
        public Snapshot {
            Objects.requireNonNull(day, "day");
            spent.forEach((key, usd) -> {
                // a scope or one of the two shared tenants, never anything that could be a credential
                if (key == null || !(SCOPE.matcher(key).matches() || ANONYMOUS.equals(key) || OVERFLOW.equals(key))) {
                    throw new IllegalArgumentException("tenant spend keys must be scope hashes");
                }
                if (usd == null || !(usd >= 0) || Double.isInfinite(usd)) {
                    throw new IllegalArgumentException("tenant spend must be a non-negative finite USD amount");
                }
            });
            spent = Collections.unmodifiableMap(new LinkedHashMap<>(spent));
        }
    }

    public TenantSpend(Clock clock, int maxTenants) {
        this(clock, maxTenants, null);
    }

    /**
     * Continues from {@code restored} when it is of today (UTC); a snapshot of another day is dropped. Past
     * {@code maxTenants}, the restored entries beyond it are added to {@value #OVERFLOW}.
     */
    public TenantSpend(Clock clock, int maxTenants, Snapshot restored) {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("the tenant cap must be at least 1");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxTenants = maxTenants;
        this.current = new Day(today());
        if (restored != null && restored.day().equals(current.date)) {
            restored.spent().forEach(this::book);
        }
    }

    /** Books {@code usd} against {@code caller} (a scope; null or empty for an anonymous caller). */
    public void add(String caller, double usd) {
        if (!(usd >= 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("spend must be a non-negative finite USD amount");
        }
        book(key(caller), usd);
        changes.incrementAndGet();
    }

    /** What {@code caller} spent today: its own entry, or the shared overflow's once the day is full. */
    public double spentToday(String caller) {
        Day day = today(current);
        Double own = day.spent.get(key(caller));
        if (own != null) {
            return own;
        }
        return day.spent.size() >= maxTenants ? day.spent.getOrDefault(OVERFLOW, 0.0) : 0.0;
    }

    /** Tenants that spent something today, {@value #OVERFLOW} included. */
    public int tenantsToday() {
        return today(current).spent.size();
    }

    public int tenantsOver(double limitUsd) {
        return (int) today(current).spent.values().stream().filter(v -> v > limitUsd).count();
    }

    /** Today's entries, ordered by key so the file reads the same for the same state. */
    public Snapshot snapshot() {
        Day day = today(current);
        Map<String, Double> sorted = new LinkedHashMap<>();
        day.spent.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Snapshot(day.date, sorted);
    }

    /** Monotonic count of bookings and day changes; lets the writer skip clean saves. */
    public long changes() {
        return changes.get();
    }

    private void book(String key, double usd) {
        Day day = today(current);
        synchronized (day) { // one writer at a time keeps the cap exact; readers need no lock
            if (usd == 0 && !day.spent.containsKey(key)) {
                return; // a free answer (unpriced model) takes no place under the cap
            }
            String into = day.spent.containsKey(key) || day.spent.size() < maxTenants ? key : OVERFLOW;
            day.spent.merge(into, usd, Double::sum);
        }
    }

    /** {@code day}, or a fresh one when the UTC date moved on since it began. */
    private Day today(Day day) {
        LocalDate now = today();
        if (day.date.equals(now)) {
            return day;
        }
        synchronized (this) {
            if (!current.date.equals(now)) {
                current = new Day(now);
                changes.incrementAndGet();
            }
            return current;
        }
    }

    /**
     * A scope as it is; anything else (the gateway passes none, but this class cannot know what a future
     * caller hands it) hashed like a tenant id, so only hashes ever reach the savings file.
     */
    private static String key(String caller) {
        if (caller == null || caller.isEmpty()) {
            return ANONYMOUS;
        }
        return SCOPE.matcher(caller).matches() ? caller : TenantScope.ofTenant(caller);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** One UTC day's entries. */
    private static final class Day {
        final LocalDate date;
        final Map<String, Double> spent = new ConcurrentHashMap<>();

        Day(LocalDate date) {
            this.date = date;
        }
    }
}
