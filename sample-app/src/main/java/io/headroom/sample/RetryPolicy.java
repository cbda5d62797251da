package io.headroom.sample;

import io.vertx.core.MultiMap;
import java.net.ConnectException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * When an upstream call is worth another attempt and how long to wait first. Retried: a connection that
 * could not be opened (nothing reached the provider), and the answers that mean "try again shortly": 429,
 * 529 (Anthropic's overloaded_error) and every other 5xx. The wait is the provider's {@code retry-after-ms}
 * or {@code retry-after} when it sent one, else exponential backoff with 50-150 % jitter (the original
 * proxy's formula), both capped at {@code max-delay}; no wait may end past the deadline.
 */
final class RetryPolicy {
    static final int MAX_ATTEMPTS_LIMIT = 10;

    private final boolean enabled;
    private final int maxAttempts;
    private final long baseDelayMs;
    private final long maxDelayMs;
    private final long deadlineMs;
    private final DoubleSupplier random;

    RetryPolicy(boolean enabled, int maxAttempts, long baseDelayMs, long maxDelayMs, long deadlineMs,
                DoubleSupplier random) {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("headroom.gateway.retry.max-attempts must be between 1 and "
                    + MAX_ATTEMPTS_LIMIT + ", was " + maxAttempts);
        }
        if (baseDelayMs < 0 || maxDelayMs < 0 || deadlineMs < 0) {
            throw new IllegalArgumentException("headroom.gateway.retry delays and deadline must not be negative");
        }
        this.enabled = enabled;
        this.maxAttempts = maxAttempts;
        this.baseDelayMs = baseDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.deadlineMs = deadlineMs;
        this.random = random;
    }

    static RetryPolicy of(GatewayConfig.Retry config) {
        return new RetryPolicy(config.enabled(), config.maxAttempts(), config.baseDelay().toMillis(),
                config.maxDelay().toMillis(), config.deadline().toMillis(), Math::random);
    }

    int maxAttempts() {
        return enabled ? maxAttempts : 1;
    }

    /** 429, 529 and the other 5xx: the provider asks to come back later, or failed on its side. */
    static boolean retriesStatus(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    /** A connection that was never opened: the request cannot have reached the provider. */
    static boolean retriesFailure(Throwable err) {
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true; // refused, unreachable, and netty's ConnectTimeoutException
            }
        }
        return false;
    }

    /**
     * The wait before the next attempt, or empty when there is none.
     *
     * @param attemptsMade attempts made so far (1 after the first)
     * @param elapsedMs    time since the first attempt started
     * @param retryAfterMs the provider's requested wait, if it sent one
     */
    OptionalLong delayBeforeNext(int attemptsMade, long elapsedMs, OptionalLong retryAfterMs) {
        if (!enabled || attemptsMade >= maxAttempts) {
            return OptionalLong.empty();
        }
        long delay = retryAfterMs.isPresent()
                ? Math.min(retryAfterMs.getAsLong(), maxDelayMs)
                : backoffMs(attemptsMade - 1);
        if (elapsedMs + delay >= deadlineMs) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(delay);
    }

    private long backoffMs(int retryIndex) {
        double capped = Math.min(baseDelayMs * Math.pow(2, retryIndex), maxDelayMs);
        return Math.round(capped * (0.5 + random.getAsDouble()));
    }

    /**
     * The wait a provider asked for: OpenAI's {@code retry-after-ms}, else {@code retry-after} in seconds or
     * as an HTTP date. Unparseable values count as absent (backoff applies).
     */
    static OptionalLong retryAfterMs(MultiMap headers, Instant now) {
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                return OptionalLong.of(Math.max(0, Math.round(Double.parseDouble(ms.trim()))));
            } catch (NumberFormatException e) {
                // fall through to retry-after
            }
        }
        String value = headers.get("retry-after");
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            return Double.isFinite(seconds)
                    ? OptionalLong.of(Math.max(0, Math.round(seconds * 1000))) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return OptionalLong.of(Math.max(0, at.toEpochMilli() - now.toEpochMilli()));
            } catch (DateTimeParseException notADate) {
                return OptionalLong.empty();
            }
        }
    }
}
