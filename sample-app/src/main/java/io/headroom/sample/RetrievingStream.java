package io.headroom.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ErrorType;
import io.headroom.host.retrieve.SseEvent;
import io.headroom.host.retrieve.SseEventSplitter;
import io.headroom.host.retrieve.SseRetrieveDetector;
import io.headroom.host.retrieve.SseStitcher;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Relays one streamed (SSE) answer of a request that carries the headroom_retrieve tool, without
 * buffering it: every event goes to the client as soon as it is complete. From the event where a
 * headroom_retrieve call starts, the rest of that stream is held back instead. When it ends, the call
 * is answered from the CCR store and the follow-up request (still {@code stream: true}) is sent; its
 * events are piped on to the client, joined by {@link SseStitcher} (preamble dropped, indices
 * continued), and watched the same way, up to the round limit.
 *
 * <p>What the client sees: the status and headers of the first upstream answer, the first stream up to
 * the retrieve call (e.g. text the model wrote before calling), then the final stream without its
 * preamble, ending with its own {@code [DONE]} / {@code message_stop} / {@code response.completed}.
 * Held events are released unchanged when the call turns out to be mixed with the client's own tools,
 * when building the follow-up fails, or when the round limit is reached. If a follow-up fails before
 * anything was sent the client gets a 502 provider_error, otherwise the stream simply ends. Event-loop
 * only, except building follow-ups (on a worker).
 */
final class RetrievingStream {
    private static final Logger LOG = Logger.getLogger(RetrievingStream.class);

    private final RetrievalRelay relay;
    private final RetrievalRelay.Exchange x;
    private final HttpServerResponse out;
    private final SseStitcher stitcher;

    RetrievingStream(RetrievalRelay relay, RetrievalRelay.Exchange exchange) {
        this.relay = relay;
        this.x = exchange;
        this.out = exchange.out();
        this.stitcher = new SseStitcher(exchange.endpoint(), relay.mapper());
    }

    void start(HttpClientResponse first, Buffer requestBytes) {
        if (out.closed()) {
            first.request().reset();
            return;
        }
        out.setStatusCode(first.statusCode());
        if (first.statusMessage() != null) {
            out.setStatusMessage(first.statusMessage());
        }
        ForwardedHeaders.copyResponseHeaders(first.headers(), out.headers());
        out.headers().remove(HttpHeaders.CONTENT_LENGTH); // the client's stream is stitched, not the upstream's
        out.setChunked(true);
        round(first, null, requestBytes, 0);
    }

    /** Relays one upstream stream; {@code request} is the request that produced it (null: the bytes). */
    private void round(HttpClientResponse resp, ObjectNode request, Buffer requestBytes, int round) {
        SseEventSplitter splitter = new SseEventSplitter();
        SseRetrieveDetector detector = new SseRetrieveDetector(x.endpoint(), relay.mapper());
        List<SseEvent> held = new ArrayList<>();
        if (round > 0) {
            stitcher.startFollowUp();
        }
        resp.handler(chunk -> {
            for (SseEvent e : splitter.feed(chunk.getBytes())) {
                take(e, detector, held, round, resp);
            }
        });
        resp.exceptionHandler(err -> {
            // the head is out: break the connection so a truncated answer is not taken for complete
            LOG.warnf("upstream %s: stream broke off (%s)", x.call().target(), UpstreamForwarder.describe(err));
            resp.request().reset();
            if (!out.closed()) {
                out.reset();
            }
        });
        resp.endHandler(v -> {
            for (SseEvent e : splitter.finish()) {
                take(e, detector, held, round, resp);
            }
            if (held.isEmpty()) {
                end(round);
            } else {
                answer(detector, held, request, requestBytes, round);
            }
        });
    }

    private void take(SseEvent e, SseRetrieveDetector detector, List<SseEvent> held, int round,
                      HttpClientResponse resp) {
        if (detector.accept(e)) {
            emit(e, round, resp);
        } else {
            held.add(e);
        }
    }

    private void emit(SseEvent e, int round, HttpClientResponse resp) {
        if (out.closed()) {
            resp.request().reset();
            return;
        }
        SseEvent shown = round > 0 ? stitcher.rewrite(e) : e;
        if (shown == null) {
            return;
        }
        stitcher.sent(shown);
        out.write(Buffer.buffer(shown.raw()));
        if (out.writeQueueFull()) {
            resp.pause();
            out.drainHandler(v -> resp.resume());
        }
    }

    private void answer(SseRetrieveDetector detector, List<SseEvent> held, ObjectNode request, Buffer requestBytes,
                        int round) {
        if (round >= relay.maxRounds()) {
            LOG.warnf("%s: the model still calls headroom_retrieve after %d round(s); passing its answer on",
                    x.endpoint().path(), round);
            release(held, round);
            return;
        }
        relay.followUp(x.endpoint(), relay.scope(x), request, requestBytes, detector.response()).onComplete(ar -> {
            if (ar.failed() || ar.result() == null) {
                if (ar.failed()) {
                    LOG.warnf("retrieval for streamed %s failed, passing the answer on: %s", x.endpoint().path(),
                            ar.cause().getClass().getName());
                }
                release(held, round);
                return;
            }
            RetrievalRelay.FollowUp next = ar.result();
            x.call().send(next.bytes(), relay.timeout())
                    .onSuccess(r -> {
                        if (r.statusCode() == 200 && RetrievalRelay.isEventStream(r)) {
                            round(r, next.request(), next.bytes(), round + 1);
                        } else {
                            r.body(); // drain and drop: the client is mid-stream
                            failFollowUp("the upstream answered the retrieval follow-up with HTTP " + r.statusCode());
                        }
                    })
                    .onFailure(err -> failFollowUp("retrieval follow-up to " + x.call().target().name()
                            + " failed: " + UpstreamForwarder.describe(err)));
        });
    }

    /** Held events go out unchanged (through the stitcher in follow-up rounds), then the stream ends. */
    private void release(List<SseEvent> held, int round) {
        for (SseEvent e : held) {
            if (out.closed()) {
                return;
            }
            SseEvent shown = round > 0 ? stitcher.rewrite(e) : e;
            if (shown != null) {
                stitcher.sent(shown);
                out.write(Buffer.buffer(shown.raw()));
            }
        }
        end(round);
    }

    private void failFollowUp(String message) {
        LOG.warn(message);
        if (out.closed() || out.ended()) {
            return;
        }
        if (!out.headWritten()) {
            out.headers().clear();
            out.setChunked(false);
            ApiResponses.error(out, ErrorType.PROVIDER_ERROR, message);
        } else {
            out.end();
        }
    }

    private void end(int round) {
        if (out.closed() || out.ended()) {
            return;
        }
        int status = out.getStatusCode();
        out.end().onSuccess(v -> UpstreamForwarder.logExchange(x.rc(), x.call().target(), status, x.started()));
        if (round > 0) {
            LOG.debugf("%s streamed after %d retrieval round(s)", x.endpoint().path(), round);
        }
    }
}
