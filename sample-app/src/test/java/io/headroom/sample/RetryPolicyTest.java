package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The retry decisions and waits, with the jitter pinned (0.0 = the 50 % end, 1.0 = the 150 % end). */
class RetryPolicyTest {

    private static RetryPolicy policy(double jitter) {
        return new RetryPolicy(true, 3, 1000, 30_000, 60_000, () -> jitter);
    }

    @Test
    void backoffDoublesWithJitterBetweenHalfAndOneAndAHalf() {
        assertEquals(OptionalLong.of(500), policy(0.0).delayBeforeNext(1, 0, OptionalLong.empty()));
        assertEquals(OptionalLong.of(1500), policy(1.0).delayBeforeNext(1, 0, OptionalLong.empty()));
        assertEquals(OptionalLong.of(2000), policy(0.5).delayBeforeNext(2, 0, OptionalLong.empty()));
    }

    @Test
    void attemptsCountTheFirstOne() {
        assertTrue(policy(0.5).delayBeforeNext(2, 0, OptionalLong.empty()).isPresent());
        assertTrue(policy(0.5).delayBeforeNext(3, 0, OptionalLong.empty()).isEmpty());
    }

    @Test
    void backoffAndRetryAfterAreCappedAtMaxDelay() {
        RetryPolicy p = new RetryPolicy(true, 10, 1000, 5000, 600_000, () -> 1.0);
        assertEquals(OptionalLong.of(7500), p.delayBeforeNext(8, 0, OptionalLong.empty()), "cap, then jitter");
        assertEquals(OptionalLong.of(5000), p.delayBeforeNext(1, 0, OptionalLong.of(120_000)));
    }

    @Test
    void noWaitEndsPastTheDeadline() {
        RetryPolicy p = new RetryPolicy(true, 3, 1000, 30_000, 10_000, () -> 0.5);
        assertEquals(OptionalLong.of(3000), p.delayBeforeNext(1, 6000, OptionalLong.of(3000)));
        assertTrue(p.delayBeforeNext(1, 8000, OptionalLong.of(3000)).isEmpty());
    }

    @Test
    void disabledMeansOneAttempt() {
        RetryPolicy off = new RetryPolicy(false, 3, 1000, 30_000, 60_000, () -> 0.5);
        assertEquals(1, off.maxAttempts());
        assertTrue(off.delayBeforeNext(1, 0, OptionalLong.of(0)).isEmpty());
    }

    @Test
    void maxAttemptsOutsideOneToTenFailsTheStartNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(true, 0, 1000, 30_000, 60_000, Math::random));
        assertTrue(e.getMessage().contains("headroom.gateway.retry.max-attempts"));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(true, 11, 1000, 30_000, 60_000, Math::random));
    }

    @Test
    void retriedStatusesAre429AndEvery5xx() {
        for (int s : new int[] {429, 500, 502, 503, 504, 529}) {
            assertTrue(RetryPolicy.retriesStatus(s), String.valueOf(s));
        }
        for (int s : new int[] {200, 400, 401, 403, 404, 408, 413, 422}) {
            assertFalse(RetryPolicy.retriesStatus(s), String.valueOf(s));
        }
    }

    @Test
    void onlyConnectionsNeverOpenedAreRetried() {
        assertTrue(RetryPolicy.retriesFailure(new ConnectException("refused")));
        assertTrue(RetryPolicy.retriesFailure(new IOException("wrapped", new ConnectException("refused"))));
        assertFalse(RetryPolicy.retriesFailure(new SocketTimeoutException("read timed out")));
        assertFalse(RetryPolicy.retriesFailure(new IOException("connection reset")));
    }

    @Test
    void retryAfterIsReadInSecondsAsADateAndOpenAisMilliseconds() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(OptionalLong.of(2000), RetryPolicy.retryAfterMs(headers("retry-after", "2"), now));
        assertEquals(OptionalLong.of(1500), RetryPolicy.retryAfterMs(headers("retry-after", "1.5"), now));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(10).atOffset(ZoneOffset.UTC));
        assertEquals(OptionalLong.of(10_000), RetryPolicy.retryAfterMs(headers("retry-after", inTenSeconds), now));
        assertEquals(OptionalLong.of(250),
                RetryPolicy.retryAfterMs(headers("retry-after-ms", "250", "retry-after", "1"), now));
        assertEquals(OptionalLong.of(0), RetryPolicy.retryAfterMs(headers("retry-after", "-5"), now));
        assertTrue(RetryPolicy.retryAfterMs(headers("retry-after", "soon"), now).isEmpty());
        assertTrue(RetryPolicy.retryAfterMs(headers(), now).isEmpty());
    }

    private static MultiMap headers(String... pairs) {
        MultiMap m = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < pairs.length; i += 2) {
            m.add(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
