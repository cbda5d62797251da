package io.headroom.sample;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs an upstream call again, after a wait ({@link RetryPolicy}), while it fails to connect or answers
 * 429/529/5xx. Everything happens before the answer is relayed, so no byte of a discarded attempt ever
 * reaches the client; the last answer of an exhausted series is relayed as the provider sent it. Only for
 * bodies the gateway holds whole (a streamed body cannot be sent twice). Waits are Vert.x timers: the
 * event loop is never blocked, and a client that hangs up ends the series at the next step.
 */
final class UpstreamRetries {
    private static final Logger LOG = Logger.getLogger(UpstreamRetries.class);

    private final Vertx vertx;
    private final RetryPolicy policy;

    UpstreamRetries(Vertx vertx, RetryPolicy policy) {
        this.vertx = vertx;
        this.policy = policy;
    }

    /** The answer of the first attempt that need not be repeated, or the last one's answer or failure. */
    Future<HttpClientResponse> run(HttpServerResponse client, UpstreamTarget target,
                                   Supplier<Future<HttpClientResponse>> attempt) {
        Promise<HttpClientResponse> result = Promise.promise();
        new Series(client, target, attempt, result, System.nanoTime()).next(1);
        return result.future();
    }

    private final class Series {
        private final HttpServerResponse client;
        private final UpstreamTarget target;
        private final Supplier<Future<HttpClientResponse>> attempt;
        private final Promise<HttpClientResponse> result;
        private final long startedNanos;

        Series(HttpServerResponse client, UpstreamTarget target, Supplier<Future<HttpClientResponse>> attempt,
               Promise<HttpClientResponse> result, long startedNanos) {
            this.client = client;
            this.target = target;
            this.attempt = attempt;
            this.result = result;
            this.startedNanos = startedNanos;
        }

        void next(int number) {
            attempt.get().onComplete(done -> {
                if (done.succeeded()) {
                    answered(number, done.result());
                } else {
                    failed(number, done.cause());
                }
            });
        }

        private void answered(int number, HttpClientResponse resp) {
            if (!RetryPolicy.retriesStatus(resp.statusCode())) {
                result.complete(resp);
                return;
            }
            OptionalLong delay = policy.delayBeforeNext(number, elapsedMs(),
                    RetryPolicy.retryAfterMs(resp.headers(), Instant.now()));
            if (delay.isEmpty() || client.closed()) {
                result.complete(resp);
                return;
            }
            discard(resp);
            LOG.warnf("upstream %s answered %d (attempt %d of %d), retrying in %d ms", target.name(),
                    resp.statusCode(), number, policy.maxAttempts(), delay.getAsLong());
            retryAfter(delay.getAsLong(), number, () -> result.complete(resp));
        }

        private void failed(int number, Throwable err) {
            OptionalLong delay = RetryPolicy.retriesFailure(err)
                    ? policy.delayBeforeNext(number, elapsedMs(), OptionalLong.empty()) : OptionalLong.empty();
            if (delay.isEmpty() || client.closed()) {
                result.fail(err);
                return;
            }
            LOG.warnf("upstream %s: %s (attempt %d of %d), retrying in %d ms", target.name(),
                    UpstreamForwarder.describe(err), number, policy.maxAttempts(), delay.getAsLong());
            retryAfter(delay.getAsLong(), number, () -> result.fail(err));
        }

        /**
         * Reads the dropped answer to its end and throws the bytes away, so its keep-alive connection goes back
         * to the pool whole (a reset connection could be handed to the next request while it closes).
         */
        private void discard(HttpClientResponse resp) {
            resp.exceptionHandler(ignored -> { });
            resp.handler(ignored -> { });
            resp.resume();
        }

        /** @param clientGone what to complete the series with when the client left during the wait */
        private void retryAfter(long delayMs, int number, Runnable clientGone) {
            Runnable again = () -> {
                if (client.closed()) {
                    clientGone.run();
                } else {
                    next(number + 1);
                }
            };
            if (delayMs <= 0) {
                vertx.runOnContext(v -> again.run());
            } else {
                vertx.setTimer(delayMs, id -> again.run());
            }
        }

        private long elapsedMs() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }
}
