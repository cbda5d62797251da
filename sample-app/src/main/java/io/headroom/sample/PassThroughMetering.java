package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.sample.stats.RecentRequest;
import io.headroom.sample.stats.RequestLog;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Meters the pass-through calls the original meters ({@link PassThroughEndpoint}) as it does: one request in
 * {@code /stats} and {@code /metrics} (total, by provider, by model, latency, time to first byte, recent requests)
 * with the usage a JSON answer reports (embeddings and count_tokens report input tokens), never a saving. Nothing
 * is booked against a budget: these calls are not compressed and their cost is not estimated.
 */
@ApplicationScoped
public class PassThroughMetering {
    private static final Logger LOG = Logger.getLogger(PassThroughMetering.class);

    private final RequestLog log;
    private final Vertx vertx;
    private final ObjectMapper mapper = new ObjectMapper();

    public PassThroughMetering(RequestLog log, Vertx vertx) {
        this.log = log;
        this.vertx = vertx;
    }

    /** A watch that logs the call when {@code rc} ends; {@code null} for a path the original does not meter. */
    AnswerWatch open(RoutingContext rc, UpstreamTarget target) {
        return PassThroughEndpoint.of(rc.request().method(), rc.normalizedPath())
                .map(endpoint -> {
                    Meter meter = new Meter(target.name(), endpoint.model(), System.nanoTime());
                    rc.addEndHandler(ended -> meter.finish(rc.response().getStatusCode()));
                    return (AnswerWatch) meter;
                })
                .orElse(null);
    }

    private final class Meter implements AnswerWatch {
        private final String provider;
        private final String model;
        private final long startedNanos;
        private final Instant started = Instant.now();
        private long firstByteNanos = -1;
        private UsageReader reader;
        private boolean logged;

        private Meter(String provider, String model, long startedNanos) {
            this.provider = provider;
            this.model = model;
            this.startedNanos = startedNanos;
        }

        @Override
        public ReadStream<Buffer> watch(HttpClientResponse resp) {
            firstByteNanos = System.nanoTime();
            String type = resp.getHeader(HttpHeaders.CONTENT_TYPE);
            // as the original: usage is read from JSON answers only
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return resp;
            }
            reader = UsageReader.of(mapper, type);
            return new UsageTap(resp, reader);
        }

        private void finish(int status) {
            if (logged) {
                return;
            }
            logged = true;
            long ended = System.nanoTime();
            UsageReader r = reader;
            long ttfb = firstByteNanos;
            vertx.executeBlocking(() -> {
                ReportedUsage usage = r == null ? new ReportedUsage() : r.finish();
                long input = Math.max(0, usage.input());
                log.recordPassThrough(new RecentRequest(UUID.randomUUID().toString(), started, provider, model, status,
                        input, input, Math.max(0, usage.output()), null, ms(ended - startedNanos), List.of()),
                        ttfb < 0 ? -1 : ms(ttfb - startedNanos));
                return null;
            }, false).onFailure(e -> LOG.warnf("pass-through metering failed (%s)", e.getClass().getSimpleName()));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
