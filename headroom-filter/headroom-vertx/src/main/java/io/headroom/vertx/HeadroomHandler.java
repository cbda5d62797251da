package io.headroom.vertx;

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
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x Web handler for plain Vert.x applications (outside Quarkus, which has its own extension)
 * that compresses LLM request bodies ({@code POST /v1/chat/completions}, {@code /v1/messages},
 * {@code /v1/responses}, also under a prefix) before later handlers see them.
 *
 * <pre>{@code
 * router.route().handler(HeadroomHandler.create(headroom));   // first
 * router.route().handler(BodyHandler.create());                // optional
 * router.post("/v1/chat/completions").handler(rc -> forward(rc.body().buffer()));
 * }</pre>
 *
 * <p>It reads the body on the event loop, runs the pipeline on a worker ({@code executeBlocking},
 * the pipeline is CPU-heavy) and continues the chain with the result as {@code rc.body()} and a
 * matching {@code Content-Length}; a later {@code BodyHandler} sees the body as read and passes.
 * When a {@code BodyHandler} ran first, the body it read is used. {@code x-headroom-bypass: true}
 * skips it, {@code x-headroom-mode} overrides the mode; the response gets
 * {@code x-headroom-compressed} and {@code x-headroom-tokens-saved}. Bodies over
 * {@code max-body-bytes} are read but forwarded unchanged. Fails open: if Headroom fails, the
 * original bytes are forwarded with one WARN line.
 */
public final class HeadroomHandler implements Handler<RoutingContext> {
    public static final String HEADER_BYPASS = HeadroomExchange.HEADER_BYPASS;
    public static final String HEADER_MODE = HeadroomExchange.HEADER_MODE;
    public static final String HEADER_COMPRESSED = HeadroomExchange.HEADER_COMPRESSED;
    public static final String HEADER_TOKENS_SAVED = HeadroomExchange.HEADER_TOKENS_SAVED;

    private static final Logger LOG = LoggerFactory.getLogger(HeadroomHandler.class);

    private final Headroom headroom;

    private HeadroomHandler(Headroom headroom) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
    }

    /** The caller keeps ownership of {@code headroom} and closes it on shutdown. */
    public static HeadroomHandler create(Headroom headroom) {
        return new HeadroomHandler(headroom);
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        Optional<Endpoint> endpoint = req.method() == HttpMethod.POST ? Endpoint.forPath(rc.normalizedPath()) : Optional.empty();
        if (endpoint.isEmpty()) {
            rc.next();
            return;
        }
        long limit = headroom.config().limits().maxBodyBytes();
        if (bypassed(req) || contentEncoded(req) || declaredLength(req) > limit) {
            markResponse(rc, false, 0);
            rc.next();
            return;
        }
        Mode override = modeOverride(req);
        if (req.isEnded()) {
            // A BodyHandler before us consumed the stream; the body can only be on the context.
            Buffer read = rc.body().buffer();
            if (read == null) {
                rc.next();
            } else {
                compress(rc, endpoint.get(), override, read.getBytes(), read.length() > limit);
            }
            return;
        }
        readBody(rc, endpoint.get(), override, limit);
    }

    private void readBody(RoutingContext rc, Endpoint endpoint, Mode override, long limit) {
        HttpServerRequest req = rc.request();
        if (req.version() != HttpVersion.HTTP_1_0 && "100-continue".equalsIgnoreCase(header(req, HttpHeaders.EXPECT))) {
            // We read the body now, so we answer the expectation; nobody downstream must answer it again.
            rc.response().writeContinue();
            req.headers().remove(HttpHeaders.EXPECT);
        }
        HeadroomExchange.readBody(rc, limit,
                (body, tooLarge) -> compress(rc, endpoint, override, body.getBytes(), tooLarge));
    }

    /** Called on the event loop; the pipeline itself runs on a worker thread. */
    private void compress(RoutingContext rc, Endpoint endpoint, Mode override, byte[] original, boolean tooLarge) {
        if (tooLarge) {
            forward(rc, RequestOutcome.untouched(original), original);
            return;
        }
        rc.vertx().<RequestOutcome>executeBlocking(() -> headroom.process(endpoint, original, override), false)
                .onComplete(ar -> {
                    RequestOutcome outcome = ar.succeeded() ? ar.result() : null;
                    if (outcome == null || outcome.body() == null) {
                        LOG.warn("Headroom could not process POST {} ({}); forwarding the original body",
                                endpoint.path(), ar.failed() ? ar.cause().getClass().getName() : "no outcome");
                        outcome = RequestOutcome.failOpen(original);
                    }
                    forward(rc, outcome, original);
                });
    }

    private static void forward(RoutingContext rc, RequestOutcome outcome, byte[] original) {
        if (rc.response().ended() || rc.response().closed()) {
            return; // the client went away while we were compressing
        }
        try {
            setBody(rc, Buffer.buffer(outcome.body()));
            setFixedLength(rc.request(), outcome.body().length);
            markResponse(rc, outcome.compressed(), outcome.compressed() ? outcome.tokensSaved() : 0);
        } catch (RuntimeException e) {
            LOG.warn("Headroom could not hand the rewritten body on ({}); forwarding the original body",
                    e.getClass().getName());
            setBody(rc, Buffer.buffer(original));
            rc.request().headers().set(HttpHeaders.CONTENT_LENGTH, Integer.toString(original.length));
            markResponse(rc, false, 0);
        }
        rc.next();
    }

    private static boolean contentEncoded(HttpServerRequest req) {
        String v = header(req, HttpHeaders.CONTENT_ENCODING);
        return v != null && !v.isEmpty() && !"identity".equalsIgnoreCase(v);
    }
}
