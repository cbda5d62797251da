package io.headroom.sample;

import io.headroom.BodyReadConfig;
import io.headroom.host.retrieve.RetrieveLoop;
import io.headroom.vertx.ReadWatchdog;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Relays one request to an upstream LLM API and pipes the answer back as it arrives. Runs entirely
 * on the event loop with the non-blocking Vert.x client; server-sent events reach the client chunk
 * by chunk (pipe with backpressure, no aggregation). Logs never carry bodies or headers.
 */
@ApplicationScoped
public class UpstreamForwarder {
    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);

    private final HttpClient client;
    private final GatewayConfig config;
    private final RetrievalRelay retrieval;
    private final SpendBooking spend;
    private final PassThroughMetering passThroughMetering;
    private final long bodyReadTimeoutMs;
    /** The transport limit: a gzip body is judged up to this many decoded bytes. */
    private final long maxBodyBytes;
    private final UpstreamRetries retries;

    public UpstreamForwarder(Vertx vertx, GatewayConfig config, RetrievalRelay retrieval, SpendBooking spend,
                             PassThroughMetering passThroughMetering, BodyReadConfig bodyRead,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.spend = spend;
        this.passThroughMetering = passThroughMetering;
        this.bodyReadTimeoutMs = bodyRead.bodyReadTimeoutMs();
        this.config = config;
        this.retrieval = retrieval;
        this.retries = new UpstreamRetries(vertx, RetryPolicy.of(config.retry()));
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setForceSni(true)
                // the client asked for (and will decode) whatever encoding it negotiated
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnections());
        this.client = vertx.createHttpClient(options, pool);
    }

    /**
     * Sends {@code body} with the client's method, path, query and end-to-end headers to
     * {@code target}, then relays status, headers and body. Connection errors and timeouts before
     * the response started are retried ({@link UpstreamRetries}, as are 429/529/5xx answers), then become a
     * 502 in the provider's error shape ({@link ProviderErrors}); after the answer started the client
     * connection is reset so a truncated answer is never mistaken for a complete one. A request that carries the
     * injected headroom_retrieve tool is handed to {@link RetrievalRelay}, which answers the model's
     * retrieve calls itself.
     */
    public void forward(RoutingContext rc, UpstreamTarget target, Buffer body) {
        Optional<RetrieveLoop> retrieving = retrieval.watches(rc, body);
        UpstreamCall call = call(rc, target, retrieving.isPresent());
        // booked from the provider's answer when the exchange ends, never before (2xx only)
        SpendBooking.Meter meter = spend.open(rc, body);
        long started = System.nanoTime();
        retries.run(rc.response(), target, () -> call.send(body, config.idleTimeout()))
                .onSuccess(resp -> {
                    meter.answered();
                    if (retrieving.isPresent()) {
                        retrieval.relay(rc, call, resp, retrieving.get(), started, meter);
                    } else {
                        relay(rc, resp, meter.watch(resp), target, started);
                    }
                })
                .onFailure(err -> failBeforeResponse(rc.response(), target, err));
    }

    /**
     * As {@link #forward}, for a body nobody read (bypassed, passthrough mode, over the compression limits, not
     * declared as JSON): it streams to the upstream as the client sends it, at any size, never held whole. As in
     * the original, it must be one JSON object: it is judged as it passes ({@link JsonStreamCheck}) and one that is
     * not gets the provider's 400 instead of its end reaching the upstream (the upstream call is cancelled).
     */
    public void forwardAsSent(RoutingContext rc, UpstreamTarget target) {
        stream(rc, target, spend.open(rc, Buffer.buffer()), ProviderErrors.of(target));
    }

    /**
     * Relays a request the gateway does not compress (models, embeddings, count_tokens, batches, files, any
     * path and method) to {@code target} as sent: the body streams through untouched and the answer streams
     * back. The calls the original meters (models, embeddings, count_tokens, ...) are counted in /stats and
     * /metrics ({@link PassThroughMetering}); nothing is booked against a budget. A request without a body can be
     * sent again, so it gets the retries; a streamed body cannot.
     */
    public void passThrough(RoutingContext rc, UpstreamTarget target) {
        AnswerWatch watch = passThroughMetering.open(rc, target);
        if (!RequestBodies.unread(rc)) {
            send(rc, target, rc.body().buffer(), watch);
        } else if (bodiless(rc.request())) {
            send(rc, target, Buffer.buffer(), watch);
        } else {
            stream(rc, target, watch, null);
        }
    }

    /** @param watch reads the answer's usage, null for an unmetered call */
    private void send(RoutingContext rc, UpstreamTarget target, Buffer body, AnswerWatch watch) {
        UpstreamCall call = call(rc, target, false);
        long started = System.nanoTime();
        retries.run(rc.response(), target, () -> call.send(body, config.idleTimeout()))
                .onSuccess(resp -> relay(rc, resp, watch == null ? resp : watch.watch(resp), target, started))
                .onFailure(err -> failBeforeResponse(rc.response(), target, err));
    }

    /** No body follows the head: HTTP/1 without Content-Length or Transfer-Encoding, or a declared 0. */
    private static boolean bodiless(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return length.trim().equals("0");
        }
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return false;
        }
        // HTTP/2 frames a body without either header; only a method that carries none by convention counts
        return request.version() != HttpVersion.HTTP_2 || request.method() == HttpMethod.GET
                || request.method() == HttpMethod.HEAD || request.method() == HttpMethod.OPTIONS;
    }

    /**
     * @param meter    the spend meter of an LLM call or the metering of a pass-through, null for neither
     * @param jsonOnly on an LLM route, who answers a body that is not one JSON object; null elsewhere
     */
    private void stream(RoutingContext rc, UpstreamTarget target, AnswerWatch meter, ProviderErrors jsonOnly) {
        rc.request().pause(); // nothing may be lost before the upstream request is open
        UpstreamCall call = call(rc, target, false);
        CheckedBody checked = jsonOnly == null ? null
                : JsonStreamCheck.forEncoding(rc.request().getHeader(HttpHeaders.CONTENT_ENCODING), maxBodyBytes)
                        .map(check -> new CheckedBody(rc.request(), check, problem -> {
                            call.cancel();
                            refuse(rc, jsonOnly, problem);
                        }))
                        .orElse(null);
        // a silent or trickling sender would hold this connection and an upstream one: the same read
        // bound as the Headroom filter's, then 408 and the connection closed
        ReadWatchdog.watch(rc, bodyReadTimeoutMs, silent -> {
            // answered before the upstream call is cancelled: its failure must not answer 502 first
            ReadWatchdog.answerStoppedBody(silent);
            call.cancel();
        });
        long started = System.nanoTime();
        (checked == null ? call.stream(rc.request(), config.idleTimeout())
                : call.stream(checked, rc.request().getHeader(HttpHeaders.CONTENT_LENGTH), config.idleTimeout()))
                .onSuccess(resp -> relay(rc, resp, meter == null ? resp : meter.watch(resp), target, started))
                .onFailure(err -> {
                    if (checked == null || !checked.refused()) {
                        failBeforeResponse(rc.response(), target, err);
                    }
                });
    }

    /**
     * The provider's 400 for a body that is not one JSON object. Its rest may still be arriving: an HTTP/1.x
     * connection is closed after the answer, so it is never taken for the next request.
     */
    private static void refuse(RoutingContext rc, ProviderErrors provider, String problem) {
        HttpServerResponse out = rc.response();
        if (out.headWritten() || out.ended() || out.closed()) {
            out.reset(); // too late for a status: break the exchange instead of completing it
            return;
        }
        if (rc.request().version() != HttpVersion.HTTP_2) {
            out.putHeader(HttpHeaders.CONNECTION, "close").endHandler(v -> rc.request().connection().close());
        }
        rc.request().resume(); // the rest of the body is read and dropped (CheckedBody)
        provider.write(out, ProviderErrors.Kind.INVALID_JSON, problem);
    }

    private UpstreamCall call(RoutingContext rc, UpstreamTarget target, boolean identityEncoding) {
        UpstreamCall call = new UpstreamCall(client, rc, target, config, identityEncoding);
        // a client that hangs up mid-answer (e.g. a cancelled stream) must stop the upstream call too;
        // the routing context reports that as a failed end (and chains handlers, unlike closeHandler)
        rc.addEndHandler(ended -> {
            if (ended.failed()) {
                call.cancel();
            }
        });
        return call;
    }

    static void relay(RoutingContext rc, HttpClientResponse resp, UpstreamTarget target, long started) {
        relay(rc, resp, resp, target, started);
    }

    /** As above, reading the body from {@code body} (the response itself, or a stream watching it). */
    static void relay(RoutingContext rc, HttpClientResponse resp, ReadStream<Buffer> body, UpstreamTarget target,
                      long started) {
        HttpServerResponse out = rc.response();
        if (out.closed()) {
            resp.request().reset();
            return;
        }
        out.setStatusCode(resp.statusCode());
        if (resp.statusMessage() != null) {
            out.setStatusMessage(resp.statusMessage());
        }
        ForwardedHeaders.copyResponseHeaders(resp.headers(), out.headers());
        boolean bodiless = resp.statusCode() == 204 || resp.statusCode() == 304 || resp.statusCode() < 200;
        if (!bodiless && !resp.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            // unknown length (SSE): relay each chunk as it comes
            out.setChunked(true);
        }
        body.pipe().endOnFailure(false).to(out)
                .onSuccess(v -> logExchange(rc, target, resp.statusCode(), started))
                .onFailure(err -> {
                    // headers are gone already: reset instead of ending, so the client sees the break
                    if (out.closed()) {
                        LOG.debugf("client of %s went away mid-answer; upstream call cancelled", target);
                    } else {
                        LOG.warnf("upstream %s: response relay broke off (%s)", target, describe(err));
                    }
                    resp.request().reset();
                    out.reset();
                });
    }

    /** One line per relayed request: route, status, time and what Headroom did; never content or headers. */
    static void logExchange(RoutingContext rc, UpstreamTarget target, int status, long started) {
        if (LOG.isInfoEnabled()) {
            LOG.infof("%s %s -> %s %d in %d ms (compressed: %s, tokens saved: %s)", rc.request().method(),
                    rc.request().path(), target.name(), status, (System.nanoTime() - started) / 1_000_000,
                    rc.response().headers().get("x-headroom-compressed"),
                    rc.response().headers().get("x-headroom-tokens-saved"));
        }
    }

    static void failBeforeResponse(HttpServerResponse out, UpstreamTarget target, Throwable err) {
        String message = "upstream " + target.name() + " at " + target.display() + " unavailable: " + describe(err);
        LOG.warn(message);
        if (out.closed() || out.ended()) {
            return;
        }
        if (out.headWritten()) {
            out.reset();
            return;
        }
        ProviderErrors.of(target).write(out, ProviderErrors.Kind.UPSTREAM_UNAVAILABLE, message);
    }

    /** A short, content-free description of a transport failure. */
    static String describe(Throwable err) {
        if (err instanceof TimeoutException || err.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        if (err instanceof ConnectException) {
            return "could not connect";
        }
        if (err instanceof UnknownHostException) {
            return "unknown host";
        }
        String m = err.getMessage();
        return err.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
