package io.headroom.quarkus.runtime;

import static io.headroom.vertx.HeadroomExchange.bypassed;
import static io.headroom.vertx.HeadroomExchange.declaredLength;
import static io.headroom.vertx.HeadroomExchange.header;
import static io.headroom.vertx.HeadroomExchange.markResponse;
import static io.headroom.vertx.HeadroomExchange.modeOverride;
import static io.headroom.vertx.HeadroomExchange.setBody;
import static io.headroom.vertx.HeadroomExchange.setFixedLength;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.host.BodyEncoding;
import io.headroom.host.JsonContentType;
import io.headroom.vertx.HeadroomExchange;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Vert.x route filter that rewrites LLM request bodies before any route sees them.
 *
 * <p>For a POST on an intercepted path it buffers the body on the event loop, runs
 * {@link Headroom#process} on a worker (bodies over 64 KB on the pipeline's own FIFO pool of
 * compression-threads), and hands the result to the rest of the chain as the
 * routing context's body, with a matching {@code Content-Length}. That is what {@code rc.body()}
 * returns to Vert.x routes. Quarkus REST also prefers {@code RoutingContext.getBody()}, but its
 * non-blocking input path corrupts pre-read bodies larger than its input buffer, so
 * {@link HeadroomRestBodyFilter} hands it the entity directly. Everything else passes
 * through without being buffered; responses (including SSE) are never touched beyond two headers.
 * Only UTF-8 JSON (or a body without Content-Type) is rewritten; a gzip or deflate body is decoded
 * within max-body-bytes and a 100x ratio and, when rewritten, forwarded decoded without its
 * Content-Encoding, otherwise as sent. Bypassed, oversized, non-JSON, otherwise encoded and HTTP/2
 * requests are forwarded untouched and unbuffered, so a Vert.x route
 * that needs their body reads it as usual (e.g. with a {@code BodyHandler}).
 */
final class HeadroomRouteFilter implements Handler<RoutingContext> {
    static final String BYPASS_HEADER = HeadroomExchange.HEADER_BYPASS;
    static final String MODE_HEADER = HeadroomExchange.HEADER_MODE;
    static final String COMPRESSED_HEADER = HeadroomExchange.HEADER_COMPRESSED;
    static final String TOKENS_SAVED_HEADER = HeadroomExchange.HEADER_TOKENS_SAVED;

    private static final Logger LOG = Logger.getLogger(HeadroomRouteFilter.class);

    private final Headroom headroom;
    private final InterceptedPaths paths;
    private final long maxBodyBytes;
    private final CallerScopes scopes;

    /** Name of the worker pool the pipeline runs on (one pool per Vert.x instance, shared by name). */
    static final String POOL_NAME = "headroom-compression";

    /**
     * Bodies up to this size run on Vert.x's general worker pool: their pipeline costs microseconds to a few
     * hundred of them, so queueing them behind 300 KB requests would only add waiting.
     */
    static final int SMALL_BODY_BYTES = 64 * 1024;

    private final int threads;
    /** The pipeline's own worker pool, created on the first request from that request's Vert.x. */
    private volatile WorkerExecutor executor;

    HeadroomRouteFilter(Headroom headroom, InterceptedPaths paths, long maxBodyBytes, CallerScopes scopes, int threads) {
        this.headroom = headroom;
        this.paths = paths;
        this.maxBodyBytes = maxBodyBytes;
        this.scopes = scopes;
        this.threads = threads;
    }

    /**
     * A pool of {@code threads} workers with a FIFO queue for bodies over {@value #SMALL_BODY_BYTES} bytes,
     * instead of Vert.x's general worker pool: the pipeline is CPU-bound, and 64 large requests running at
     * once on 20+ workers of two cores each finish late together (and hold 64 bodies plus their working
     * memory), whereas in a queue the earliest finish first and throughput stays at what the cores can do.
     */
    private WorkerExecutor executor(Vertx vertx) {
        WorkerExecutor e = executor;
        if (e == null) {
            synchronized (this) {
                e = executor;
                if (e == null) {
                    e = vertx.createSharedWorkerExecutor(POOL_NAME, threads);
                    executor = e;
                }
            }
        }
        return e;
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        if (req.method() != HttpMethod.POST) {
            rc.next();
            return;
        }
        Optional<Endpoint> endpoint = paths.endpointFor(rc.normalizedPath());
        if (endpoint.isEmpty()) {
            rc.next();
            return;
        }
        String contentEncoding = req.getHeader(HttpHeaders.CONTENT_ENCODING);
        Optional<BodyEncoding> encoding = BodyEncoding.of(contentEncoding);
        if (bypassed(req) || declaredLength(req) > maxBodyBytes
                || !JsonContentType.rewritable(req.getHeader(HttpHeaders.CONTENT_TYPE))
                || (encoding.isEmpty() && !BodyEncoding.isIdentity(contentEncoding))
                || req.version() == HttpVersion.HTTP_2) {
            // Not UTF-8 JSON, or an encoding we do not decode (br, zstd...): forwarded exactly as sent.
            // HTTP/2: Quarkus REST pauses every request it dispatches, and pausing an HTTP/2 request whose
            // stream we drained throws; such requests are forwarded untouched rather than broken.
            markResponse(rc, false, 0);
            rc.next();
            return;
        }
        Mode override = modeOverride(req);
        Buffer alreadyRead = rc.body().buffer();
        if (req.isEnded()) {
            // An earlier handler consumed the stream; it can only have left the body on the context.
            if (alreadyRead == null) {
                rc.next();
            } else {
                compress(rc, endpoint.get(), override, encoding, alreadyRead, false);
            }
            return;
        }
        readBody(rc, endpoint.get(), override, encoding);
    }

    private void readBody(RoutingContext rc, Endpoint endpoint, Mode override, Optional<BodyEncoding> encoding) {
        HttpServerRequest req = rc.request();
        if ("100-continue".equalsIgnoreCase(header(req, HttpHeaders.EXPECT))) {
            // We are the reader now, so we answer the expectation; nobody downstream must answer it again.
            if (req.version() != HttpVersion.HTTP_1_0) {
                rc.response().writeContinue();
            }
            req.headers().remove(HttpHeaders.EXPECT);
        }
        HeadroomExchange.readBody(rc, maxBodyBytes,
                (body, tooLarge) -> compress(rc, endpoint, override, encoding, body, tooLarge));
    }

    /** Runs on the event loop; the pipeline itself runs on a worker because it is CPU-heavy. */
    private void compress(RoutingContext rc, Endpoint endpoint, Mode override, Optional<BodyEncoding> encoding,
                          Buffer body, boolean tooLarge) {
        byte[] original = body.getBytes();
        if (tooLarge) {
            forward(rc, RequestOutcome.untouched(original), original);
            return;
        }
        String scope = scopes.of(rc.request());
        Callable<RequestOutcome> pipeline = () -> process(endpoint, override, encoding, original, scope);
        // two lanes: small bodies (well under a millisecond of pipeline) never queue behind large ones
        (original.length <= SMALL_BODY_BYTES
                ? rc.vertx().<RequestOutcome>executeBlocking(pipeline, false)
                : executor(rc.vertx()).<RequestOutcome>executeBlocking(pipeline, false))
                .onComplete(ar -> {
                    RequestOutcome outcome = ar.succeeded() ? ar.result() : null;
                    if (outcome == null || outcome.body() == null) {
                        LOG.warnf("Headroom could not process POST %s, forwarding the original body: %s",
                                endpoint.path(), ar.failed() ? ar.cause().getClass().getName() : "no outcome");
                        outcome = RequestOutcome.failOpen(original);
                    }
                    if (encoding.isPresent() && outcome.compressed()) {
                        // the rewritten body goes on decoded, so it must not claim the old encoding
                        rc.request().headers().remove(HttpHeaders.CONTENT_ENCODING);
                    }
                    forward(rc, outcome, original);
                });
    }

    /**
     * Runs on a worker. An encoded body is decoded within max-body-bytes and a 100x ratio (a
     * decompression bomb stops there); unless the pipeline rewrites it, the encoded original goes on.
     */
    private RequestOutcome process(Endpoint endpoint, Mode override, Optional<BodyEncoding> encoding, byte[] original,
                                   String scope) {
        if (encoding.isEmpty()) {
            return headroom.process(endpoint, original, override, scope);
        }
        Optional<byte[]> decoded = encoding.get().decode(original, maxBodyBytes, BodyEncoding.DEFAULT_MAX_RATIO);
        if (decoded.isEmpty()) {
            return RequestOutcome.untouched(original);
        }
        RequestOutcome outcome = headroom.process(endpoint, decoded.get(), override, scope);
        return outcome != null && outcome.compressed() ? outcome : RequestOutcome.untouched(original);
    }

    private void forward(RoutingContext rc, RequestOutcome outcome, byte[] original) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        try {
            // A fresh buffer over exactly the forwarded bytes: the receive buffer may be pooled and
            // over-allocated, and Quarkus REST reads the body through its ByteBuf.
            Buffer forwarded = Buffer.buffer(outcome.body());
            setBody(rc, forwarded);
            RewrittenBody.put(rc, outcome.body());
            setFixedLength(rc.request(), forwarded.length());
            markResponse(rc, outcome.compressed(), outcome.tokensSaved());
        } catch (RuntimeException e) {
            LOG.warnf("Headroom could not hand the rewritten body on, forwarding the original: %s", e.getClass().getName());
            setBody(rc, Buffer.buffer(original));
            RewrittenBody.put(rc, original);
            markResponse(rc, false, 0);
        }
        rc.next();
    }
}
