package io.headroom.host.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.RetrieveConfig;
import io.headroom.host.HeadroomLog;
import io.headroom.host.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The retrieve loop of one client exchange: watches the provider's answers (JSON or server-sent events), answers
 * the model's {@code headroom_retrieve} calls from the CCR store and tells the host what to send upstream next
 * and what to write to its client, so that the client receives one answer in its provider's protocol and never
 * a headroom_retrieve call.
 *
 * <p>No I/O and no threads: the host sends, receives and writes, and drives the loop from one thread at a time:
 * <pre>{@code
 * Optional<RetrieveLoop> loop = RetrieveLoop.start(headroom, endpoint, forwardedBody, scope);
 * // for every upstream answer (the first and each follow-up):
 * switch (loop.onAnswer(status, contentType)) {
 *     case BUFFER -> step = loop.onBody(wholeBody);
 *     case STREAM -> { for each chunk: write(loop.onChunk(chunk)); step = loop.onStreamEnd(); }
 *     case PASS   -> clientBytesSent() ? write failure(..) and end : relay the answer as it came
 * }
 * // step: Deliver(bytes) -> write and end; FollowUp(body) -> send it upstream, then onAnswer(..) again
 * }</pre>
 *
 * <p>Streams stay one well-formed stream of the provider's protocol whatever the rounds ({@link SseStitcher}):
 * one role, one response id, one start and one terminal event, continuous indexes and sequence numbers. Any
 * internal failure while answering a call fails open: the model's answer goes to the client as it came, with
 * one WARN line without content. Bounded by {@link RetrieveConfig#maxRounds()} follow-ups; each follow-up call is
 * bounded by the host with {@link #roundTimeout()}.
 */
public final class RetrieveLoop {
    private static final HeadroomLog LOG = HeadroomLog.of(RetrieveLoop.class);
    private static final byte[] TOOL_NAME = ("\"" + RetrieveTool.NAME + "\"").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTHING = new byte[0];

    /** What the host does with the body of an upstream answer. */
    public enum AnswerKind {
        /**
         * A 2xx JSON answer: collect the whole body, then {@link #onBody}; at most {@link #maxBufferedBytes()}: past
         * it, call {@link #tooLargeToWatch()} and relay the answer as it came (what was collected, then the rest as
         * it arrives, never holding more).
         */
        BUFFER,
        /** A 2xx event stream: feed every chunk to {@link #onChunk}, then {@link #onStreamEnd}. */
        STREAM,
        /**
         * Anything else (an error status, another content type): relay it as it came when
         * {@link #clientBytesSent()} is false, otherwise write {@link #failure} and end the stream.
         */
        PASS
    }

    /** What the host does once an answer is complete. */
    public sealed interface Step permits Deliver, FollowUp {
    }

    /**
     * The exchange is over. Non-streaming: {@code bytes} is the body for the client (with the status and headers of
     * the answer it came in, Content-Length = its length). Streaming: the last bytes to write, then end the stream.
     */
    public record Deliver(byte[] bytes) implements Step {
    }

    /**
     * Send {@code body} upstream with the original request's headers (Content-Length fixed to its length), bounded
     * by {@link #roundTimeout()}, then call {@link #onAnswer} for its answer.
     */
    public record FollowUp(byte[] body) implements Step {
    }

    private final Headroom headroom;
    private final Endpoint endpoint;
    private final RetrieveCallHandler handler;
    private final JsonCodec codec;
    private final int maxRounds;
    private final Duration roundTimeout;
    private final SseStitcher stitcher;
    private final long maxBufferedBytes;

    /** The request that produced the current answer: bytes as sent, tree once parsed. */
    private byte[] requestBytes;
    private ObjectNode request;
    private int rounds;
    private AnswerKind firstKind;
    private boolean clientBytesSent;

    // the stream of the current round
    private SseEventSplitter splitter;
    private SseRetrieveDetector detector;
    private List<SseEvent> held;

    private RetrieveLoop(Headroom headroom, Endpoint endpoint, RetrieveSource source, JsonCodec codec,
                         RetrieveConfig config, byte[] forwardedBody) {
        this.headroom = headroom;
        this.endpoint = endpoint;
        this.codec = codec;
        this.handler = new RetrieveCallHandler(source, codec.mapper());
        this.maxRounds = config.maxRounds();
        this.roundTimeout = config.roundTimeout();
        this.stitcher = new SseStitcher(endpoint, codec.mapper());
        this.requestBytes = forwardedBody;
        this.maxBufferedBytes = headroom.config().limits().maxBodyBytes();
    }

    /**
     * A loop for one client exchange, or empty when there is nothing to answer: the forwarded body does not carry
     * the headroom_retrieve tool Headroom injected, or max rounds is 0.
     *
     * @param forwardedBody the body the host forwards upstream (the rewritten one)
     * @param scope         the CCR tenant scope of the caller ({@code TenantScope}), null = shared scope
     */
    public static Optional<RetrieveLoop> start(Headroom headroom, Endpoint endpoint, byte[] forwardedBody,
                                               String scope) {
        Objects.requireNonNull(headroom, "headroom");
        String tenant = scope == null ? "" : scope;
        return start(headroom, endpoint, forwardedBody, (hash, query) -> headroom.retrieve(hash, query, tenant));
    }

    /**
     * As {@link #start(Headroom, Endpoint, byte[], String)}, answering calls from {@code source} (e.g. one that
     * counts retrievals for metrics around {@code headroom.retrieve(hash, query, scope)}).
     */
    public static Optional<RetrieveLoop> start(Headroom headroom, Endpoint endpoint, byte[] forwardedBody,
                                               RetrieveSource source) {
        return start(headroom, headroom.config().retrieve(), endpoint, forwardedBody, source);
    }

    /**
     * As {@link #start(Headroom, Endpoint, byte[], RetrieveSource)} with the host's own loop settings instead of
     * {@code headroom.config().retrieve()} (a host with its own configuration keys maps them onto the slice).
     */
    public static Optional<RetrieveLoop> start(Headroom headroom, RetrieveConfig config, Endpoint endpoint,
                                               byte[] forwardedBody, RetrieveSource source) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(source, "source");
        if (config.maxRounds() == 0 || forwardedBody == null || ByteSearch.indexOf(forwardedBody, TOOL_NAME) < 0) {
            return Optional.empty();
        }
        // one codec per limit for the process: building a mapper (and its serializer caches) per exchange is not free
        JsonCodec codec = JsonCodec.shared(headroom.config().limits().maxBodyBytes());
        return Optional.of(new RetrieveLoop(headroom, endpoint, source, codec, config, forwardedBody));
    }

    /** Call with the head of every upstream answer (the first and each follow-up). */
    public AnswerKind onAnswer(int status, String contentType) {
        AnswerKind kind = kindOf(status, contentType);
        if (firstKind == null) {
            firstKind = kind;
        } else if (kind != firstKind) {
            kind = AnswerKind.PASS; // a follow-up that changed shape cannot continue what the client has
        }
        if (kind == AnswerKind.STREAM) {
            if (rounds > 0) {
                stitcher.startFollowUp();
            }
            splitter = new SseEventSplitter();
            detector = new SseRetrieveDetector(endpoint, codec.mapper());
            held = new ArrayList<>();
        }
        return kind;
    }

    /** Non-streaming: the whole answer body. */
    public Step onBody(byte[] body) {
        if (rounds >= maxRounds) {
            return deliver(body);
        }
        try {
            JsonNode answer = codec.parse(body);
            Optional<byte[]> next = followUpFor(answer);
            return next.<Step>map(FollowUp::new).orElseGet(() -> deliver(body));
        } catch (IOException e) {
            return deliver(body); // not JSON: nothing to answer, the client gets it as it is
        } catch (RuntimeException e) {
            LOG.warn("headroom_retrieve for {} could not be answered, passing the model's answer on: {}",
                    endpoint.path(), e.getClass().getName());
            return deliver(body);
        }
    }

    /**
     * The most bytes of a {@link AnswerKind#BUFFER} answer the host collects: the body limit the loop parses with
     * (max-body-bytes). A larger answer is not parsed: the host relays it as it came.
     */
    public long maxBufferedBytes() {
        return maxBufferedBytes;
    }

    /**
     * The host stopped collecting a {@link AnswerKind#BUFFER} answer at {@link #maxBufferedBytes()} and relays it as it
     * came: a call in it stays unanswered (the client sees it). The exchange is over; logs one WARN line.
     */
    public void tooLargeToWatch() {
        clientBytesSent = true;
        LOG.warn("{}: the model's answer is larger than max-body-bytes ({} bytes); relayed as it came, a "
                + "headroom_retrieve call in it is not answered", endpoint.path(), maxBufferedBytes);
    }

    /** Streaming: one chunk as received; returns the bytes to write to the client now (may be empty). */
    public byte[] onChunk(byte[] chunk) {
        return emitAll(splitter.feed(chunk));
    }

    /** Streaming: the upstream stream ended. */
    public Step onStreamEnd() {
        byte[] tail = emitAll(splitter.finish());
        if (held.isEmpty()) {
            return deliver(tail);
        }
        if (rounds >= maxRounds) {
            LOG.warn("{}: the model still calls headroom_retrieve after {} round(s); passing its answer on",
                    endpoint.path(), rounds);
            return deliver(concat(tail, release()));
        }
        try {
            Optional<byte[]> next = followUpFor(detector.response());
            if (next.isPresent()) {
                if (tail.length > 0) {
                    // cannot happen (nothing is emitted after holding starts), but never lose a byte
                    return deliver(concat(tail, release()));
                }
                return new FollowUp(next.get());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("headroom_retrieve for streamed {} could not be answered, passing the model's answer on: {}",
                    endpoint.path(), e.getClass().getName());
        }
        return deliver(concat(tail, release()));
    }

    /** True once the host wrote any body byte this loop produced to its client. */
    public boolean clientBytesSent() {
        return clientBytesSent;
    }

    /**
     * Bytes that end a stream which already sent bytes with the provider's own error event (OpenAI chat: an
     * {@code error} chunk then no {@code [DONE]}; Responses: {@code response.failed}; Anthropic:
     * {@code event: error}) — never a clean end.
     *
     * @param message what went wrong, without request content or credentials (the client reads it)
     */
    public byte[] failure(String message) {
        return mark(stitcher.failure(message == null ? "upstream failure" : message).raw());
    }

    /** Follow-up calls made so far. */
    public int rounds() {
        return rounds;
    }

    /** How long one follow-up call may take: the host bounds each follow-up by it. */
    public Duration roundTimeout() {
        return roundTimeout;
    }

    /** The endpoint this loop answers for. */
    public Endpoint endpoint() {
        return endpoint;
    }

    static AnswerKind kindOf(int status, String contentType) {
        if (status < 200 || status > 299 || contentType == null) {
            return AnswerKind.PASS;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (media.equals("text/event-stream")) {
            return AnswerKind.STREAM;
        }
        if (media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json")) {
            return AnswerKind.BUFFER;
        }
        return AnswerKind.PASS;
    }

    /** The next request when {@code answer} calls only headroom_retrieve; counts the round. */
    private Optional<byte[]> followUpFor(JsonNode answer) throws IOException {
        if (answer == null) {
            return Optional.empty();
        }
        if (request == null) {
            if (!(codec.parse(requestBytes) instanceof ObjectNode parsed)) {
                return Optional.empty();
            }
            request = parsed;
        }
        Optional<ObjectNode> next = handler.followUp(endpoint, request, answer);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        request = next.get();
        requestBytes = codec.write(request);
        rounds++;
        headroom.onRetrieveRound(endpoint); // the retrieve-rounds meter of every host
        return Optional.of(requestBytes);
    }

    private byte[] emitAll(List<SseEvent> events) {
        ByteArrayOutputStream out = null;
        for (SseEvent e : events) {
            if (!detector.accept(e)) {
                held.add(e);
                continue;
            }
            byte[] shown = show(e);
            if (shown.length > 0) {
                out = out == null ? new ByteArrayOutputStream() : out;
                out.writeBytes(shown);
            }
        }
        return out == null ? NOTHING : mark(out.toByteArray());
    }

    /** Held events as the client is to see them: the model's answer passed on after all. */
    private byte[] release() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        held.forEach(e -> out.writeBytes(show(e)));
        held.clear();
        return mark(out.toByteArray());
    }

    /** One event through the stitcher: follow-up rounds are rewritten to continue the client's stream. */
    private byte[] show(SseEvent e) {
        SseEvent shown = rounds > 0 ? stitcher.rewrite(e) : e;
        if (shown == null) {
            return NOTHING;
        }
        stitcher.sent(shown);
        return shown.raw();
    }

    private Deliver deliver(byte[] bytes) {
        return new Deliver(mark(bytes));
    }

    private byte[] mark(byte[] bytes) {
        clientBytesSent |= bytes.length > 0;
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
