package io.headroom.vertx;

import io.headroom.BodyReadConfig;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.host.Admission;
import io.headroom.host.AdmissionDecision;
import io.headroom.host.BodyBudget;
import io.headroom.host.BodyRewrite;
import io.headroom.host.ErrorBodies;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.HeadroomLog;
import io.headroom.host.retrieve.RetrieveToolWithdrawal;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Vert.x Web handler that compresses LLM request bodies ({@code POST /v1/chat/completions}, {@code /v1/messages},
 * {@code /v1/responses}, also under a prefix) before later handlers see them. One jar for Vert.x 4.5 and 5,
 * public Vert.x API only.
 *
 * <pre>{@code
 * HeadroomHandler headroom = HeadroomHandler.create(headroomFacade);
 * router.route().handler(headroom.bodyReader()).handler(headroom);       // first, in this order
 * router.post("/v1/chat/completions").handler(rc -> forward(rc, HeadroomHandler.body(rc)));
 * }</pre>
 *
 * <p><b>Reading.</b> {@link #bodyReader()} reads the bodies Headroom rewrites (JSON only: forms, multipart and
 * every other body are never read or parsed) the way Vert.x's {@link BodyHandler} would, keeping the chunks as
 * they arrive and joining them once ({@link ReceivedBody}), so memory grows with the bytes received and is never
 * copied over and over; every other request goes through unread. A body over {@code max-body-bytes} is not
 * compressed and goes on exactly as received. Bounds, whatever the headers claim ({@link BodyReadConfig}):
 * <ul>
 *   <li>a declared length over {@code max-body-bytes} is not read at all (it goes on as sent);</li>
 *   <li>a body over the read limit ({@link Builder#readLimit}, default {@value #DEFAULT_READ_LIMIT} bytes, never
 *       below {@code max-body-bytes}), by its declared length or while it arrives, is answered 413 with the JSON
 *       error body of every host ({@link #errorBody}) and its HTTP/1.1 connection closed (where the reader has to
 *       fall back to Vert.x's BodyHandler, see {@link ReadMark}, through a failure handler on its own route,
 *       {@link ReadLimit});</li>
 *   <li>a sender silent for {@code body-read-timeout-ms} is answered 408 (JSON) and its HTTP/1.1 connection
 *       closed;</li>
 *   <li>at most {@code max-buffered-body-bytes} are held across requests ({@link #bufferedBytes()}), each body
 *       counted by its declared length, or the read limit when none is declared, until its response ended; a body
 *       that does not fit goes on unread and uncompressed (fail open, counted as {@code busy}).</li>
 * </ul>
 * The body is then in {@code rc.body()} and a {@code BodyHandler} later in the chain sees it as read and passes,
 * as after Vert.x's own ({@link ReadMark}).
 * Any {@code BodyHandler} in front of this handler does the same job (then these bounds are its own).
 *
 * <p><b>Handing the body on.</b> The handler runs the pipeline on a worker ({@link Headroom} is CPU-bound) and
 * continues the chain on the event loop with a {@code Content-Length} matching the forwarded body (a rewritten gzip
 * or deflate body goes on decoded, without its {@code Content-Encoding}). Later handlers read the forwarded body:
 * <ul>
 *   <li>on every version with {@link #body(RoutingContext)};</li>
 *   <li>on Vert.x 4.5 also with {@code rc.body()}, a later {@code BodyHandler} included;</li>
 *   <li>on Vert.x 5 {@code rc.body()} keeps the body as it was received, because Vert.x 5 has no public way to
 *       replace it: handlers that read {@code rc.body()} forward the original, uncompressed. This is logged once
 *       at INFO when the first handler is created on Vert.x 5.</li>
 * </ul>
 *
 * <p><b>The headroom_retrieve tool.</b> This handler does not answer the model's {@code headroom_retrieve} calls:
 * it sees only the request. So it does not offer the tool (one it finds injected is taken back out of the forwarded
 * body, {@link RetrieveToolWithdrawal}), unless the application answers the calls itself and says so with
 * {@link Builder#answersRetrieveCalls(boolean)}, e.g. by forwarding with {@link RetrieveRelay}. Said at INFO when
 * the handler is built.
 *
 * <p>{@code x-headroom-bypass: true} skips a request, {@code x-headroom-mode} overrides the mode, and the response
 * gets {@code x-headroom-compressed}, {@code -tokens-before}, {@code -tokens-after} and {@code -tokens-saved}; all
 * of this is {@link Admission}'s policy. Fails open: whatever goes wrong, the body goes on as received, with one
 * WARN line naming no content.
 */
public final class HeadroomHandler implements Handler<RoutingContext> {
    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomHandler.class);
    private static final AtomicBoolean VERSION_NOTED = new AtomicBoolean();
    private static final AtomicBoolean NO_READER_NOTED = new AtomicBoolean();

    /** The default read limit: 64 MiB, the gateway's own request limit. */
    public static final long DEFAULT_READ_LIMIT = 64L * 1024 * 1024;

    private static final String DECISION = "io.headroom.vertx.decision";
    private static final String FORWARDED = "io.headroom.vertx.forwarded-body";
    private static final String RESERVATION = "io.headroom.vertx.body-reservation";
    private static final String OFFERED = "io.headroom.vertx.offered-rewrite";
    /** The bytes of a body {@link #bodyReader()} read itself, so they are not copied out of rc.body() again. */
    private static final String RECEIVED = "io.headroom.vertx.received-body";

    private final Headroom headroom;
    private final Admission admission;
    private final Function<HttpServerRequest, String> tenantScope;
    private final CompressionLanes lanes;
    private final BodyHandler bodyHandler;
    private final ReadLimit readLimit;
    private final long readTimeoutMillis;
    private final BodyBudget budget;
    /** Null when the application answers the model's calls: the tool then stays in. */
    private final RetrieveToolWithdrawal withdrawal;
    /** Whether the rewrite with the tool in is kept on the context when the tool is withdrawn. */
    private final boolean keepsOfferedRewrite;
    private final Handler<RoutingContext> bodyReader = this::readBody;

    private HeadroomHandler(Builder b) {
        this.headroom = b.headroom;
        this.admission = b.paths == null ? Admission.of(b.headroom) : Admission.of(b.headroom, b.paths);
        this.tenantScope = b.tenantScope;
        this.lanes = new CompressionLanes(b.compressionThreads);
        // max-body-bytes bounds what is compressed; a larger body is still read (up to the read limit) and goes
        // on unchanged, exactly as without Headroom (fail open), instead of being refused
        this.readLimit = new ReadLimit(Math.max(b.readLimit, admission.maxBodyBytes()));
        this.bodyHandler = BodyHandler.create(false).setBodyLimit(readLimit.bytes());
        this.readTimeoutMillis = b.bodyRead.bodyReadTimeoutMs();
        this.budget = new BodyBudget(b.bodyRead.maxBufferedBodyBytes());
        this.withdrawal = b.answersRetrieveCalls ? null : RetrieveToolWithdrawal.of(b.headroom.config());
        this.keepsOfferedRewrite = b.keepsOfferedRewrite && withdrawal != null;
        LOG.info("Headroom Vert.x handler {}; {}.", admission.describe(), retrieveDecision(b));
        if (!ContextBody.SETTABLE && VERSION_NOTED.compareAndSet(false, true)) {
            LOG.info("Headroom on Vert.x 5: rc.body() keeps the request body as received; handlers read the "
                    + "compressed body with HeadroomHandler.body(rc)");
        }
    }

    /** What the start-up line says about the model's headroom_retrieve calls. */
    private static String retrieveDecision(Builder b) {
        if (!b.headroom.config().ccr().injectTool()) {
            return "the headroom_retrieve tool is not injected (ccr.inject-tool=false)";
        }
        if (b.answersRetrieveCalls) {
            return "it offers the headroom_retrieve tool, because the application answers the model's calls "
                    + "(answersRetrieveCalls)";
        }
        if (b.keepsOfferedRewrite) {
            return "the body handed on does not offer the headroom_retrieve tool (nothing answers the model's calls "
                    + "on a route); the body with the tool is kept for a host part that answers them";
        }
        return "it does not offer the headroom_retrieve tool, because nothing answers the model's calls here (an "
                + "application that answers them, e.g. with RetrieveRelay, opts in with answersRetrieveCalls(true); "
                + "Quarkus: quarkus.headroom.retrieve.answered-by-application=true)";
    }

    /** A handler with the defaults; the caller keeps ownership of {@code headroom} and closes it on shutdown. */
    public static HeadroomHandler create(Headroom headroom) {
        return builder(headroom).build();
    }

    public static Builder builder(Headroom headroom) {
        return new Builder(headroom);
    }

    /**
     * The body later handlers should forward: the one Headroom handed on when it read the request, else whatever
     * a {@code BodyHandler} read, else null (nobody read it: the request stream is still there to read).
     */
    public static Buffer body(RoutingContext rc) {
        Buffer forwarded = forwardedBody(rc);
        return forwarded != null || !rc.body().available() ? forwarded : rc.body().buffer();
    }

    /** The body Headroom handed on for this request, or null when it did not read this request. */
    public static Buffer forwardedBody(RoutingContext rc) {
        Object b = rc.get(FORWARDED);
        return b instanceof Buffer buffer ? buffer : null;
    }

    /**
     * The rewrite that still offers the {@code headroom_retrieve} tool, for a request whose tool this handler took
     * out of the body it handed on; kept only by a handler built with {@link Builder#keepsOfferedRewrite(boolean)}
     * (a host part further on that answers the model's calls forwards it instead). Null otherwise.
     */
    public static BodyRewrite offeredRewrite(RoutingContext rc) {
        return rc.get(OFFERED) instanceof BodyRewrite rewrite ? rewrite : null;
    }

    /** Whether this Vert.x lets {@code rc.body()} return the body Headroom handed on (4.5: yes; 5: no). */
    public static boolean replacesRoutingContextBody() {
        return ContextBody.SETTABLE;
    }

    /**
     * Reads the body of every request Headroom will rewrite, with Vert.x's {@link BodyHandler}, and passes every
     * other request on unread. Put it right before this handler.
     */
    public Handler<RoutingContext> bodyReader() {
        return bodyReader;
    }

    /**
     * Body bytes this handler holds for requests right now (reserved by declared length, or the read limit when
     * none is declared, from the first byte read to the end of the response); never above
     * {@code max-buffered-body-bytes}.
     */
    public long bufferedBytes() {
        return budget.reserved();
    }

    /** The Headroom this handler runs; the caller owns it. */
    public Headroom headroom() {
        return headroom;
    }

    /** The admission decision for this request, made once and kept on the context. */
    public AdmissionDecision decide(RoutingContext rc) {
        AdmissionDecision d = rc.get(DECISION);
        if (d == null) {
            HttpServerRequest req = rc.request();
            d = admission.decide(req.method().name(), rc.normalizedPath(), req::getHeader);
            rc.put(DECISION, d);
        }
        return d;
    }

    /** Requests passed through untouched since start, by reason. */
    public Admission admission() {
        return admission;
    }

    @Override
    public void handle(RoutingContext rc) {
        AdmissionDecision decision = decide(rc);
        switch (decision.action()) {
            case IGNORE -> rc.next();
            case PASS_THROUGH -> {
                putHeaders(rc.response(), decision.responseHeaders());
                rc.next();
            }
            case READ_BODY -> {
                if (!rc.body().available()) {
                    if (NO_READER_NOTED.compareAndSet(false, true)) {
                        LOG.warn("HeadroomHandler found an unread LLM request body: install its bodyReader() (or a "
                                + "BodyHandler) right before it; such requests go on uncompressed");
                    }
                    rc.next();
                    return;
                }
                Buffer read = rc.body().buffer();
                byte[] ownRead = rc.get(RECEIVED);
                byte[] received = ownRead != null ? ownRead : read == null ? new byte[0] : read.getBytes();
                BodyBudget.Reservation reservation = rc.get(RESERVATION);
                if (reservation != null) {
                    // a body of unknown length reserved the read limit
                    reservation.shrinkTo(BodyBudget.heldFor(received.length, decision, admission.maxBodyBytes()));
                }
                // a BodyHandler of the application's may have read more than max-body-bytes
                boolean complete = received.length <= admission.maxBodyBytes();
                Buffer original = read == null ? Buffer.buffer() : read;
                rewrite(rc, received, complete).onComplete(ar -> {
                    if (ar.succeeded()) {
                        handOn(rc, ar.result(), original);
                    } else {
                        handOnOriginal(rc, original, ar.cause());
                    }
                });
            }
        }
    }

    /**
     * Runs {@link Admission#rewrite} for a body a host read itself, off the event loop; the future completes on
     * the caller's context. For hosts built on this handler (the Quarkus extension reads some requests itself).
     *
     * @param complete false when the host stopped reading at {@code max-body-bytes}
     */
    public Future<BodyRewrite> rewrite(RoutingContext rc, byte[] received, boolean complete) {
        AdmissionDecision decision = decide(rc);
        String scope = tenantScope == null ? null : tenantScope.apply(rc.request());
        if (!keepsOfferedRewrite) {
            return lanes.run(rc.vertx(), received.length, () -> {
                BodyRewrite rewrite = admission.rewrite(headroom, decision, received, complete, scope);
                return withdrawal == null ? rewrite : withdrawal.withdraw(rewrite, decision, received);
            });
        }
        return lanes.run(rc.vertx(), received.length, () -> {
            BodyRewrite offered = admission.rewrite(headroom, decision, received, complete, scope);
            return new BodyRewrite[] {withdrawal.withdraw(offered, decision, received), offered};
        }).map(both -> {
            if (both[0] != both[1]) {
                rc.put(OFFERED, both[1]); // on the caller's context, like the rest of the exchange's data
            }
            return both[0];
        });
    }

    /**
     * Reads the request stream itself and rewrites the body, for hosts that must not let a {@link BodyHandler} read
     * it earlier (the Quarkus extension, for HTTP/2 requests Quarkus REST takes). The same bounds as
     * {@link #bodyReader()}: memory grows with the bytes received and counts against {@code max-buffered-body-bytes};
     * a body over {@code max-body-bytes} goes on unchanged; past the read limit the future fails with a 413
     * {@link HttpException}, after {@code body-read-timeout-ms} of silence with a 408 one (the caller answers
     * them, e.g. with {@link #errorBody}). When the budget has no room the request is not read and the future
     * completes with null: the caller lets the request go on as it is. Call on the event loop, with the request
     * not yet read.
     */
    public Future<BodyRewrite> readAndRewrite(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        Promise<byte[]> read = Promise.promise();
        long limit = readLimit.bytes();
        String declared = req.getHeader(HttpHeaders.CONTENT_LENGTH); // never above max-body-bytes: Admission passed those
        AdmissionDecision decision = decide(rc);
        BodyBudget.Reservation reservation = budget.tryReserve(
                BodyBudget.sizeToReserve(decision, declared, limit, admission.maxBodyBytes()));
        if (reservation == null) {
            rc.put(DECISION, admission.busy(decision));
            return Future.succeededFuture(null);
        }
        rc.addEndHandler(done -> reservation.close());
        ReadWatchdog.watch(rc, readTimeoutMillis, silent -> read.tryFail(new HttpException(408)));
        if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT))) {
            // we are the reader now, so we answer the expectation; nobody downstream must answer it again
            if (req.version() != HttpVersion.HTTP_1_0) {
                rc.response().writeContinue();
            }
            req.headers().remove(HttpHeaders.EXPECT);
        }
        collect(req, limit, read);
        return read.future().compose(received -> {
            reservation.shrinkTo(BodyBudget.heldFor(received.length, decision, admission.maxBodyBytes()));
            return rewrite(rc, received, received.length <= admission.maxBodyBytes());
        });
    }

    /**
     * Reads the request stream into {@code read}: the body joined once ({@link ReceivedBody}), or a 413
     * {@link HttpException} as soon as it grows past {@code limit} (nothing more is kept), or the stream's own
     * failure. The one body reader of {@link #bodyReader()} and {@link #readAndRewrite}.
     */
    private static void collect(HttpServerRequest req, long limit, Promise<byte[]> read) {
        ReceivedBody body = new ReceivedBody();
        req.handler(chunk -> {
            if (read.future().isComplete()) {
                return; // failed (too large, timed out): keep nothing more
            }
            if (body.length() + chunk.length() > limit) {
                read.tryFail(new HttpException(413));
            } else {
                body.append(chunk);
            }
        });
        req.exceptionHandler(read::tryFail);
        req.endHandler(v -> {
            if (!read.future().isComplete()) {
                read.tryComplete(body.toBytes());
            }
        });
        req.resume();
    }

    /**
     * Makes {@code rewrite} the body later handlers get ({@link #body}, and {@code rc.body()} where Vert.x allows
     * it), fixes the request's length and encoding headers and sets the response headers. Call on the event loop.
     */
    public static void apply(RoutingContext rc, BodyRewrite rewrite) {
        apply(rc, rewrite, null);
    }

    /** As {@link #apply(RoutingContext, BodyRewrite)}; an unchanged body goes on as {@code received}, not copied. */
    private static void apply(RoutingContext rc, BodyRewrite rewrite, Buffer received) {
        Buffer forwarded = received != null && !rewrite.changed() ? received : Buffer.buffer(rewrite.body());
        rc.put(FORWARDED, forwarded);
        if (rewrite.changed()) {
            MultiMap headers = rc.request().headers();
            headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(forwarded.length()));
            // a fixed-length body now; a stale chunked marker would contradict Content-Length
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            if (rewrite.decoded()) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
            }
            ContextBody.set(rc, forwarded);
        }
        putHeaders(rc.response(), rewrite.responseHeaders());
    }

    /** The JSON error body and content type the handler answers {@code status} (408, 413) with. */
    public static byte[] errorBody(int status) {
        return status == 408 ? ErrorBodies.bodyStoppedArriving()
                : ErrorBodies.of(ErrorType.PAYLOAD_TOO_LARGE, ReadLimit.MESSAGE);
    }

    private void readBody(RoutingContext rc) {
        AdmissionDecision decision = decide(rc);
        HttpServerRequest req = rc.request();
        if (readLimit.declaredOver(rc, decision) && !rc.body().available() && !req.isEnded()) {
            ReadLimit.answer(rc); // what Vert.x's BodyHandler would refuse, answered JSON without reading a byte
            return;
        }
        if (!decision.readBody() || rc.body().available() || req.isEnded()) {
            rc.next();
            return;
        }
        // a declared length over max-body-bytes never gets here: Admission passed it on unread
        String declared = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        BodyBudget.Reservation reservation = budget.tryReserve(
                BodyBudget.sizeToReserve(decision, declared, readLimit.bytes(), admission.maxBodyBytes()));
        if (reservation == null) {
            // no room to hold it: it goes on unread, as without Headroom (fail open)
            rc.put(DECISION, admission.busy(decision));
            rc.next();
            return;
        }
        rc.addEndHandler(done -> reservation.close());
        rc.put(RESERVATION, reservation);
        ReadWatchdog.watch(rc, readTimeoutMillis, ReadWatchdog::answerStoppedBody);
        if (ReadMark.supported(rc)) {
            readAsBodyHandlerWould(rc);
        } else {
            readLimit.watch(rc);
            bodyHandler.handle(rc);
        }
    }

    /**
     * Reads the body as {@link BodyHandler} would for a JSON body (100-continue answered, other expectations
     * 417, the body then in {@code rc.body()}), but into a {@link ReceivedBody} and with this handler's own JSON
     * 413 past the read limit.
     */
    private void readAsBodyHandlerWould(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        String expect = req.getHeader(HttpHeaders.EXPECT);
        if (expect != null) {
            if (!"100-continue".equalsIgnoreCase(expect)) {
                rc.fail(417);
                return;
            }
            if (req.version() != HttpVersion.HTTP_1_0) {
                rc.response().writeContinue();
            }
        }
        Promise<byte[]> read = Promise.promise();
        collect(req, readLimit.bytes(), read);
        read.future().onComplete(ar -> {
            if (rc.response().ended() || rc.response().closed()) {
                return; // answered already (408) or the client went away
            }
            if (ar.failed()) {
                if (ar.cause() instanceof HttpException e && e.getStatusCode() == 413) {
                    ReadLimit.answer(rc);
                } else {
                    rc.fail(ar.cause());
                }
                return;
            }
            byte[] received = ar.result();
            rc.put(RECEIVED, received);
            ReadMark.markRead(rc, Buffer.buffer(received));
            rc.next();
        });
    }

    private static void handOn(RoutingContext rc, BodyRewrite rewrite, Buffer received) {
        if (rc.response().ended() || rc.response().closed()) {
            return; // the client went away while we were compressing
        }
        MultiMap before = MultiMap.caseInsensitiveMultiMap().addAll(rc.request().headers());
        try {
            apply(rc, rewrite, received);
        } catch (RuntimeException e) {
            rc.request().headers().clear().addAll(before);
            handOnOriginal(rc, received, e);
            return;
        }
        rc.next();
    }

    private static void handOnOriginal(RoutingContext rc, Buffer original, Throwable cause) {
        LOG.warn("Headroom could not process POST {} ({}); forwarding the original body",
                rc.normalizedPath(), cause.getClass().getName());
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        rc.put(FORWARDED, original);
        ContextBody.set(rc, original);
        putHeaders(rc.response(), HeadroomHeaders.untouched());
        rc.next();
    }

    private static void putHeaders(HttpServerResponse response, Map<String, String> headers) {
        if (!response.headWritten()) {
            headers.forEach(response::putHeader);
        }
    }

    /** Options of a {@link HeadroomHandler}. */
    public static final class Builder {
        private final Headroom headroom;
        private List<String> paths;
        private Function<HttpServerRequest, String> tenantScope;
        private int compressionThreads;
        private long readLimit = DEFAULT_READ_LIMIT;
        private BodyReadConfig bodyRead = BodyReadConfig.defaults();
        private boolean answersRetrieveCalls;
        private boolean keepsOfferedRewrite;

        private Builder(Headroom headroom) {
            this.headroom = Objects.requireNonNull(headroom, "headroom");
        }

        /** Narrows the rewritten requests to these paths (equal, or ending with one); default: every LLM path. */
        public Builder paths(Collection<String> paths) {
            this.paths = List.copyOf(paths);
            return this;
        }

        /** The CCR scope of a request ({@code io.headroom.host.TenantScope}); default: the shared scope. */
        public Builder tenantScope(Function<HttpServerRequest, String> tenantScope) {
            this.tenantScope = tenantScope;
            return this;
        }

        /**
         * Runs bodies over 64 KiB on a pool of this many workers named {@code headroom-compression}, in arrival
         * order, instead of Vert.x's general worker pool; 0 (default) uses the general pool for every body.
         */
        public Builder compressionThreads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("compression threads must be >= 0, got " + threads);
            }
            this.compressionThreads = threads;
            return this;
        }

        /**
         * The most body bytes read for an LLM request before it is answered 413; set it to the server's own request
         * limit (Quarkus: {@code quarkus.http.limits.max-body-size}). Never below {@code max-body-bytes}.
         */
        public Builder readLimit(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("read limit must be > 0, got " + bytes);
            }
            this.readLimit = bytes;
            return this;
        }

        /** The read timeout and the budget of bodies held at once; default {@link BodyReadConfig#defaults()}. */
        public Builder bodyRead(BodyReadConfig config) {
            this.bodyRead = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Whether the application answers the model's {@code headroom_retrieve} calls itself (e.g. it forwards with
         * {@link RetrieveRelay}); only then does the forwarded body keep the tool Headroom injects. Default false:
         * a call nobody answers would reach the client, whose agent has no such tool.
         */
        public Builder answersRetrieveCalls(boolean answers) {
            this.answersRetrieveCalls = answers;
            return this;
        }

        /**
         * Whether a request whose injected tool is taken out keeps the rewrite with the tool on its context
         * ({@link HeadroomHandler#offeredRewrite}), for a host that answers the model's calls for some of the
         * requests further on (the Quarkus extension, for Quarkus REST resources). Default false. No effect when
         * the application answers the calls ({@link #answersRetrieveCalls}).
         */
        public Builder keepsOfferedRewrite(boolean keeps) {
            this.keepsOfferedRewrite = keeps;
            return this;
        }

        public HeadroomHandler build() {
            return new HeadroomHandler(this);
        }
    }
}
