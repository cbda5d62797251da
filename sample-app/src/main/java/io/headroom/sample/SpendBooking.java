package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.host.HeadroomHeaders;
import io.headroom.sample.stats.RequestLog;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Books what a proxied request cost once the provider has answered, never before: a 2xx answer books the
 * usage the provider reported in it ({@link UsageReader}), or, when it reported none, the request's estimated
 * input tokens; any other status (a 401 for a bad key, a 429, a 5xx) books nothing. The spend goes to the
 * daily budget and to the caller's own ({@link TenantScopes#caller}).
 */
@ApplicationScoped
public class SpendBooking {
    private static final Logger LOG = Logger.getLogger(SpendBooking.class);
    /** Rough bytes per token for a body Headroom did not analyse (bypassed or passed through). */
    static final int BYTES_PER_TOKEN = 4;

    private final SavingsTracker tracker;
    private final TenantScopes scopes;
    private final Vertx vertx;
    private final RequestLog log;
    private final ObjectMapper mapper = new ObjectMapper();

    public SpendBooking(SavingsTracker tracker, TenantScopes scopes, Vertx vertx, RequestLog log) {
        this.tracker = tracker;
        this.scopes = scopes;
        this.vertx = vertx;
        this.log = log;
    }

    /**
     * Starts metering one client request whose forwarded body is {@code body}; books when {@code rc} ends, and
     * logs the request (any status) for {@code /stats} and {@code /metrics} ({@link RequestLog}).
     */
    Meter open(RoutingContext rc, Buffer body) {
        Meter meter = new Meter(scopes.caller(rc), estimatedInputTokens(rc, body), body,
                RequestFacts.of(rc), System.nanoTime());
        rc.addEndHandler(ended -> meter.finish(rc.response().getStatusCode()));
        return meter;
    }

    /** The filter's count of the forwarded tokens, else a size-based estimate. */
    private static long estimatedInputTokens(RoutingContext rc, Buffer body) {
        try {
            long after = Long.parseLong(rc.response().headers().get(HeadroomHeaders.TOKENS_AFTER));
            if (after > 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // not analysed by Headroom
        }
        return (body.length() + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN;
    }

    /** The spend of one client request. */
    final class Meter implements AnswerWatch {
        private final String caller;
        private final long estimatedInput;
        private final Buffer body;
        private final RequestFacts facts;
        private final long startedNanos;
        private volatile long firstByteNanos = -1;
        private UsageReader reader;
        private boolean booked;

        private Meter(String caller, long estimatedInput, Buffer body, RequestFacts facts, long startedNanos) {
            this.caller = caller;
            this.estimatedInput = estimatedInput;
            this.body = body;
            this.facts = facts;
            this.startedNanos = startedNanos;
        }

        /** The upstream's answer has started (time to first byte); the first call counts. */
        void answered() {
            if (firstByteNanos < 0) {
                firstByteNanos = System.nanoTime();
            }
        }

        /** {@code resp}'s body as a stream that also feeds the usage reader (2xx answers only). */
        @Override
        public ReadStream<Buffer> watch(HttpClientResponse resp) {
            answered();
            if (resp.statusCode() < 200 || resp.statusCode() >= 300) {
                return resp;
            }
            reader = UsageReader.of(mapper, resp.getHeader(HttpHeaders.CONTENT_TYPE));
            return new UsageTap(resp, reader);
        }

        /**
         * For an answer relayed by the retrieve loop: what the client is sent (the stitched answer, see
         * {@link io.headroom.vertx.RetrieveRelay#observeClientBytes}) feeds the usage reader, so the final answer's
         * usage is booked. The reader is chosen by the first answer's content type, which the stitched answer keeps.
         */
        java.util.function.Consumer<Buffer> watchRelayed(HttpClientResponse first) {
            if (first.statusCode() < 200 || first.statusCode() >= 300) {
                return chunk -> { };
            }
            UsageReader r = UsageReader.of(mapper, first.getHeader(HttpHeaders.CONTENT_TYPE));
            reader = r;
            return chunk -> {
                try {
                    r.feed(chunk);
                } catch (RuntimeException e) {
                    LOG.debugf("usage reader failed (%s)", e.getClass().getSimpleName());
                }
            };
        }

        private void finish(int status) {
            if (booked) {
                return;
            }
            booked = true;
            long ended = System.nanoTime();
            UsageReader r = status >= 200 && status < 300 ? reader : null;
            // the model lookup scans the body and the pricing is a map lookup: off the event loop
            vertx.executeBlocking(() -> {
                ReportedUsage usage = r == null ? new ReportedUsage() : r.finish();
                long output = Math.max(0, usage.output());
                String model = facts.model() != null ? facts.model() : ModelField.of(body);
                if (status >= 200 && status < 300) {
                    long input = usage.input() >= 0 ? usage.input() : estimatedInput;
                    tracker.bookSpend(caller, model, input, output);
                }
                long ttfb = firstByteNanos;
                log.record(facts.toRecent(model, status, estimatedInput, output, nanosToMs(ended - startedNanos)),
                        ttfb < 0 ? -1 : nanosToMs(ttfb - startedNanos));
                return null;
            }, false).onFailure(e -> LOG.warnf("spend bookkeeping failed (%s)", e.getClass().getSimpleName()));
        }

        private static double nanosToMs(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
