package io.headroom.vertx;

import io.headroom.host.HeadroomLog;
import io.headroom.host.retrieve.RetrieveLoop;
import io.headroom.host.retrieve.RetrieveLoop.AnswerKind;
import io.headroom.host.retrieve.RetrieveLoop.Deliver;
import io.headroom.host.retrieve.RetrieveLoop.FollowUp;
import io.headroom.host.retrieve.RetrieveLoop.Step;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs a core {@link RetrieveLoop} over a Vert.x HTTP client call the application makes, so an application that
 * forwards LLM requests with Vert.x answers the model's {@code headroom_retrieve} calls itself: the client gets one
 * answer (one well-formed stream when streaming) and never sees a headroom_retrieve call.
 *
 * <pre>{@code
 * Optional<RetrieveLoop> loop = RetrieveLoop.start(headroom, endpoint, forwardedBody, scope);
 * client.request(options).compose(req -> req.send(forwardedBody)).onSuccess(first -> loop.ifPresentOrElse(
 *     l -> RetrieveRelay.create(vertx, l, body -> client.request(options).compose(req -> req.send(body)))
 *             .relay(rc, first)
 *             .onFailure(err -> answer502IfNothingWasWritten(rc, err)),
 *     () -> pipe(first, rc.response())));
 * }</pre>
 *
 * <ul>
 *   <li>Event-loop work is relaying chunks; JSON work (reading a whole answer, building a follow-up) runs on a
 *       worker ({@code executeBlocking}, ordered).</li>
 *   <li>A non-streamed answer is collected up to {@link RetrieveLoop#maxBufferedBytes()} (max-body-bytes); a larger
 *       one goes to the client as it came (what was collected, then the rest with back-pressure) and a
 *       headroom_retrieve call in it is not answered ({@link RetrieveLoop#tooLargeToWatch()}).</li>
 *   <li>A follow-up refused (429, 500, ...) before any byte reached the client goes to it as it came: status,
 *       headers such as {@code retry-after}, body. After bytes were sent, the stream ends with the provider's own
 *       error event ({@link RetrieveLoop#failure}), never a clean end.</li>
 *   <li>A client that goes away cancels the upstream call in flight and is logged at DEBUG as a client
 *       disconnect; the returned future then fails with {@link ClientGoneException}.</li>
 *   <li>Each follow-up is bounded by {@link RetrieveLoop#roundTimeout()}.</li>
 * </ul>
 * One relay per client exchange, used from its event loop.
 */
public final class RetrieveRelay {
    private static final HeadroomLog LOG = HeadroomLog.of(RetrieveRelay.class);
    /** Hop-by-hop headers (RFC 9110 7.6.1) and the framing the relay sets itself. */
    private static final Set<String> NOT_COPIED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "content-length");

    /** Sends one follow-up body upstream with the original request's method, URI and headers. */
    @FunctionalInterface
    public interface Upstream {
        Future<HttpClientResponse> send(Buffer body);
    }

    /** The client went away before its answer was complete; the upstream call was cancelled. */
    public static final class ClientGoneException extends RuntimeException {
        ClientGoneException() {
            super("client disconnected", null, false, false);
        }
    }

    private static final Method RESET = resetMethod(HttpClientRequest.class);
    private static final Method OUT_RESET = resetMethod(HttpServerResponse.class);

    private final Vertx vertx;
    private final RetrieveLoop loop;
    private final Upstream upstream;
    private BiConsumer<MultiMap, MultiMap> copyHeaders = RetrieveRelay::copyEndToEnd;
    private Consumer<Buffer> clientBytes = bytes -> { };

    private HttpServerResponse out;
    private MultiMap hostHeaders;
    private HttpClientResponse current;
    /** The non-streamed answer being collected for the loop; null when none is. */
    private Buffer collected;
    private Promise<Integer> done;
    private long roundTimer = -1;
    private boolean failing;

    private RetrieveRelay(Vertx vertx, RetrieveLoop loop, Upstream upstream) {
        this.vertx = vertx;
        this.loop = loop;
        this.upstream = upstream;
    }

    public static RetrieveRelay create(Vertx vertx, RetrieveLoop loop, Upstream upstream) {
        return new RetrieveRelay(vertx, loop, upstream);
    }

    /**
     * How an upstream answer's headers reach the client (e.g. an application's own hop-by-hop rules); by default
     * every end-to-end header except Content-Length, which the relay sets itself.
     */
    public RetrieveRelay responseHeaders(BiConsumer<MultiMap, MultiMap> copy) {
        this.copyHeaders = copy;
        return this;
    }

    /**
     * Sees the stitched answer the client is sent (each streamed chunk, the final non-streamed answer), e.g. to
     * read the usage the provider reported for the final answer. Of an answer relayed as it came (one too large to
     * watch) it sees at most the part read before; it never sees the relay's own error event. Called on the event loop;
     * it must not block, and what it throws is not caught.
     */
    public RetrieveRelay observeClientBytes(Consumer<Buffer> observer) {
        this.clientBytes = java.util.Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * As {@link #relay(HttpClientResponse, HttpServerResponse)}, cancelling the upstream call when the routing
     * context ends failed (the client went away).
     */
    public Future<Integer> relay(RoutingContext rc, HttpClientResponse first) {
        rc.addEndHandler(ended -> {
            if (ended.failed()) {
                clientGone();
            }
        });
        return relay(first, rc.response());
    }

    /**
     * Relays {@code first} (the answer to the forwarded body) and whatever follow-ups the loop asks for to
     * {@code out}. Headers already set on {@code out} (e.g. Headroom's {@code x-headroom-*}) are kept.
     *
     * @return the status the client received once its answer ended; failed with {@link ClientGoneException} when
     *         the client went away, or with the upstream's error when nothing had been written to the client yet
     *         (the application then answers it, e.g. 502)
     */
    public Future<Integer> relay(HttpClientResponse first, HttpServerResponse out) {
        this.out = out;
        this.hostHeaders = MultiMap.caseInsensitiveMultiMap().addAll(out.headers());
        this.done = Promise.promise();
        answer(first);
        return done.future();
    }

    /** The client went away: cancel the upstream call in flight; logged at DEBUG, not as an upstream failure. */
    public void clientGone() {
        if (done == null || done.future().isComplete()) {
            return;
        }
        LOG.debug("client disconnected from {} after {} retrieve round(s); upstream call cancelled",
                loop.endpoint().path(), loop.rounds());
        done.tryFail(new ClientGoneException()); // first: the cancelled call's own failure must find it over
        cancelUpstream();
    }

    private void answer(HttpClientResponse resp) {
        current = resp;
        if (out.closed()) {
            clientGone();
            return;
        }
        AnswerKind kind = loop.onAnswer(resp.statusCode(), resp.getHeader(HttpHeaders.CONTENT_TYPE));
        switch (kind) {
            case BUFFER -> collect(resp);
            case STREAM -> stream(resp);
            case PASS -> pass(resp);
        }
    }

    /**
     * Collects a non-streamed answer for the loop, up to {@link RetrieveLoop#maxBufferedBytes()}; one that outgrows
     * it is relayed as it came from there on (what was collected, then the rest with back-pressure), so no more than
     * the bound is ever held.
     */
    private void collect(HttpClientResponse resp) {
        collected = Buffer.buffer();
        resp.exceptionHandler(this::upstreamFailed);
        resp.handler(chunk -> {
            if (collected.length() + (long) chunk.length() <= loop.maxBufferedBytes()) {
                collected.appendBuffer(chunk);
                return;
            }
            Buffer start = collected.appendBuffer(chunk);
            collected = null;
            loop.tooLargeToWatch();
            relayAsItCame(resp, start);
        });
        resp.endHandler(v -> {
            if (collected == null) {
                return; // relayed as it came, and the client went away before the relay took over the answer
            }
            byte[] body = collected.getBytes();
            collected = null;
            vertx.executeBlocking(() -> loop.onBody(body), true)
                    .onSuccess(step -> next(step, resp))
                    .onFailure(this::upstreamFailed);
        });
    }

    private void stream(HttpClientResponse resp) {
        if (loop.rounds() == 0) {
            head(resp);
            out.headers().remove(HttpHeaders.CONTENT_LENGTH);
            out.setChunked(true); // the client's stream is stitched, not the upstream's: no Content-Length
        }
        resp.handler(chunk -> {
            byte[] bytes = loop.onChunk(chunk.getBytes());
            if (bytes.length > 0 && !write(bytes)) {
                return;
            }
            if (out.writeQueueFull()) {
                resp.pause();
                out.drainHandler(v -> resp.resume());
            }
        });
        resp.exceptionHandler(this::upstreamFailed);
        resp.endHandler(v -> vertx.executeBlocking(loop::onStreamEnd, true)
                .onSuccess(step -> next(step, resp))
                .onFailure(this::upstreamFailed));
    }

    private void next(Step step, HttpClientResponse resp) {
        cancelTimer();
        if (done.future().isComplete()) {
            return;
        }
        if (out.closed()) {
            clientGone();
            return;
        }
        if (step instanceof FollowUp f) {
            followUp(f);
        } else {
            deliver(((Deliver) step).bytes(), resp);
        }
    }

    private void deliver(byte[] bytes, HttpClientResponse resp) {
        int status;
        if (out.isChunked()) {
            status = out.getStatusCode();
        } else {
            head(resp);
            out.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length));
            status = resp.statusCode();
        }
        Future<Void> ended;
        if (bytes.length == 0) {
            ended = out.end();
        } else {
            Buffer answer = Buffer.buffer(bytes);
            clientBytes.accept(answer);
            ended = out.end(answer);
        }
        ended.onComplete(ar -> {
            if (ar.succeeded()) {
                done.tryComplete(status);
            } else {
                clientGone();
            }
        });
    }

    private void followUp(FollowUp f) {
        LOG.debug("answering headroom_retrieve for {} (round {})", loop.endpoint().path(), loop.rounds());
        roundTimer = vertx.setTimer(loop.roundTimeout().toMillis(), id -> {
            roundTimer = -1;
            upstreamFailed(new TimeoutException("retrieve follow-up timed out"));
        });
        current = null;
        upstream.send(Buffer.buffer(f.body())).onComplete(ar -> {
            if (done.future().isComplete()) {
                if (ar.succeeded()) {
                    reset(ar.result()); // too late: the exchange is over
                }
                return;
            }
            if (ar.failed()) {
                upstreamFailed(ar.cause());
            } else {
                answer(ar.result());
            }
        });
    }

    /** An answer the loop does not take: as it came when the client has no byte yet, else an error event. */
    private void pass(HttpClientResponse resp) {
        cancelTimer();
        if (loop.clientBytesSent()) {
            reset(resp);
            String message = "the provider answered a retrieve follow-up with HTTP " + resp.statusCode();
            LOG.warn("{} for {}", message, loop.endpoint().path());
            endWithFailure(message);
            return;
        }
        relayAsItCame(resp, null);
    }

    /**
     * Relays {@code resp} to the client with its own head: {@code start} (what was already read of its body, or
     * null), then the rest as it arrives, with back-pressure.
     */
    private void relayAsItCame(HttpClientResponse resp, Buffer start) {
        cancelTimer();
        out.setChunked(false);
        head(resp);
        String length = resp.getHeader(HttpHeaders.CONTENT_LENGTH);
        int status = resp.statusCode();
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (status >= 200 && status != 204 && status != 304) {
            out.setChunked(true); // unknown length: relayed as it comes
        }
        if (start != null && !write(start)) {
            return;
        }
        resp.pipe().endOnFailure(false).to(out).onComplete(ar -> {
            if (ar.succeeded()) {
                done.tryComplete(resp.statusCode());
            } else if (out.closed()) {
                clientGone();
            } else {
                reset(resp);
                invokeReset(OUT_RESET, out); // the head is gone: break the client's stream, no clean end
                done.tryFail(ar.cause());
            }
        });
    }

    private void upstreamFailed(Throwable err) {
        cancelTimer();
        if (done.future().isComplete() || failing) {
            return; // also the cancelled call's own failure, reported while this one is handled
        }
        failing = true;
        if (out.closed()) {
            clientGone(); // the break was ours: the client left and its upstream call was cancelled
            return;
        }
        cancelUpstream();
        if (loop.clientBytesSent() || out.headWritten()) {
            String message = "the provider's answer broke off: " + describe(err);
            LOG.warn("{} for {} after {} retrieve round(s)", message, loop.endpoint().path(), loop.rounds());
            endWithFailure(message);
        } else {
            out.headers().clear().addAll(hostHeaders);
            out.setChunked(false);
            done.tryFail(err); // nothing written: the application answers (e.g. 502)
        }
    }

    private void endWithFailure(String message) {
        if (!out.headWritten() && !out.isChunked()) {
            out.setChunked(true);
        }
        out.end(Buffer.buffer(loop.failure(message))).onComplete(ar -> done.tryComplete(out.getStatusCode()));
    }

    /** The client's head: the host's own headers, then the answer's status and end-to-end headers. */
    private void head(HttpClientResponse resp) {
        out.headers().clear().addAll(hostHeaders);
        out.setStatusCode(resp.statusCode());
        if (resp.statusMessage() != null) {
            out.setStatusMessage(resp.statusMessage());
        }
        copyHeaders.accept(resp.headers(), out.headers());
    }

    private boolean write(byte[] bytes) {
        return write(Buffer.buffer(bytes));
    }

    private boolean write(Buffer bytes) {
        if (out.closed()) {
            clientGone();
            return false;
        }
        clientBytes.accept(bytes);
        out.write(bytes).onFailure(err -> clientGone());
        return true;
    }

    private void cancelUpstream() {
        cancelTimer();
        HttpClientResponse r = current;
        if (r != null) {
            reset(r);
        }
    }

    /**
     * Resets the request of {@code resp}. {@code reset()} (of requests and responses) returns boolean in Vert.x 4.5
     * and a Future in Vert.x 5: a call compiled against one is a NoSuchMethodError on the other, so it is looked
     * up by name (public API either way).
     */
    private static void reset(HttpClientResponse resp) {
        if (!invokeReset(RESET, resp.request())) {
            resp.request().connection().close(); // cannot happen with 4.5 or 5; closing also stops the call
        }
    }

    private static boolean invokeReset(Method reset, Object target) {
        try {
            reset.invoke(target);
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private void cancelTimer() {
        if (roundTimer >= 0) {
            vertx.cancelTimer(roundTimer);
            roundTimer = -1;
        }
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        from.forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_COPIED.contains(name) && !to.contains(name)) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }

    private static Method resetMethod(Class<?> type) {
        try {
            return type.getMethod("reset");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + ".reset() is missing from this Vert.x", e);
        }
    }

    private static String describe(Throwable err) {
        return err instanceof TimeoutException ? "timed out" : err.getClass().getSimpleName();
    }
}
