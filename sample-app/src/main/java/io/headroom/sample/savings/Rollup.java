package io.headroom.sample.savings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** The periods {@code /stats-history} rolls hourly buckets up into. All periods are UTC; weeks start on Monday (ISO). */
public enum Rollup {
    HOURLY, DAILY, WEEKLY, MONTHLY;

    /** The start of the period that contains {@code t}. */
    public Instant periodStart(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOURLY -> z.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAILY -> z.truncatedTo(ChronoUnit.DAYS).toInstant();
            case WEEKLY -> z.truncatedTo(ChronoUnit.DAYS)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            case MONTHLY -> z.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code hourly|daily|weekly|monthly}, case-insensitively. */
    public static Optional<Rollup> fromWireName(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Rollup r : values()) {
            if (r.wireName().equalsIgnoreCase(s.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
