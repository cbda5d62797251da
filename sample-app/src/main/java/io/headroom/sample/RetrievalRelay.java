package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.host.JsonCodec;
import io.headroom.host.retrieve.RetrieveCall;
import io.headroom.host.retrieve.RetrieveCallHandler;
import io.headroom.host.retrieve.RetrieveTool;
import io.headroom.host.retrieve.ToolResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Answers the model's {@code headroom_retrieve} calls inside the gateway, so the client only ever sees
 * a normal answer. Only requests the Headroom filter compressed and gave the tool to are watched.
 *
 * <p>Non-streaming answers (small JSON) are buffered; when one calls only headroom_retrieve, the calls
 * are answered from the CCR store and the upstream is asked again with the same headers and the
 * conversation extended by the call and its results, up to {@link RetrievalConfig#maxRounds()} times.
 * The client gets the last answer with its status and headers. Streamed answers go through
 * {@link RetrievingStream}. JSON work runs on worker threads, never on the event loop.
 */
@ApplicationScoped
public class RetrievalRelay {
    private static final Logger LOG = Logger.getLogger(RetrievalRelay.class);
    static final String COMPRESSED_HEADER = "x-headroom-compressed";
    private static final byte[] TOOL_NAME = ("\"" + RetrieveTool.NAME + "\"").getBytes(StandardCharsets.UTF_8);

    private final Vertx vertx;
    private final RetrievalConfig config;
    private final JsonCodec codec;
    private final Headroom headroom;
    private final TenantScopes scopes;

    public RetrievalRelay(Vertx vertx, RetrievalConfig config, Headroom headroom, TenantScopes scopes) {
        if (config.maxRounds() < 0) {
            throw new IllegalArgumentException("headroom.retrieve.max-rounds must be >= 0");
        }
        this.vertx = vertx;
        this.config = config;
        // the core's codec: follow-ups keep the request's field order and exact numbers
        this.codec = new JsonCodec(headroom.config().limits().maxBodyBytes());
        this.headroom = headroom;
        this.scopes = scopes;
    }

    /** Answers calls from the CCR scope of one caller: the model only gets back what this caller stored. */
    private RetrieveCallHandler handler(String scope) {
        // the CCR store counts hits and misses (headroom.cache.hits / .misses)
        return new RetrieveCallHandler((hash, query) -> headroom.retrieve(hash, query, scope), codec.mapper());
    }

    /** The CCR scope of the client request behind {@code x}. */
    String scope(Exchange x) {
        return scopes.of(x.rc());
    }

    /**
     * The endpoint to watch when this request carries the tool Headroom injected (the filter marked it
     * compressed and the forwarded body names headroom_retrieve); empty otherwise.
     */
    Optional<Endpoint> watches(RoutingContext rc, Buffer body) {
        if (config.maxRounds() == 0 || !"true".equals(rc.response().headers().get(COMPRESSED_HEADER))) {
            return Optional.empty();
        }
        Optional<Endpoint> endpoint = Endpoint.forPath(rc.normalizedPath());
        return endpoint.isPresent() && contains(body.getBytes(), TOOL_NAME) ? endpoint : Optional.empty();
    }

    /** Relays the first upstream answer, answering retrieve calls on the way. */
    void relay(RoutingContext rc, UpstreamCall call, HttpClientResponse resp, Endpoint endpoint, Buffer body,
               long started) {
        Exchange exchange = new Exchange(rc, call, endpoint, started);
        if (isEventStream(resp)) {
            new RetrievingStream(this, exchange).start(resp, body);
        } else {
            nonStreaming(exchange, resp, null, body, 0);
        }
    }

    /** One client request and its upstream side. */
    record Exchange(RoutingContext rc, UpstreamCall call, Endpoint endpoint, long started) {
        HttpServerResponse out() {
            return rc.response();
        }
    }

    private void nonStreaming(Exchange x, HttpClientResponse resp, ObjectNode request, Buffer requestBytes,
                              int round) {
        if (resp.statusCode() != 200) {
            UpstreamForwarder.relay(x.rc(), resp, x.call().target(), x.started());
            return;
        }
        resp.body().onFailure(err -> UpstreamForwarder.failBeforeResponse(x.out(), x.call().target(), err))
                .onSuccess(answer -> {
                    if (round >= config.maxRounds()) {
                        finish(x, resp, answer, round);
                        return;
                    }
                    followUp(x.endpoint(), scope(x), request, requestBytes, answer).onComplete(ar -> {
                        if (ar.failed()) {
                            LOG.warnf("retrieval for %s failed, answering with the upstream's answer: %s",
                                    x.endpoint().path(), ar.cause().getClass().getName());
                            finish(x, resp, answer, round);
                        } else if (ar.result() == null) {
                            finish(x, resp, answer, round);
                        } else {
                            FollowUp next = ar.result();
                            LOG.debugf("answering headroom_retrieve for %s (round %d)", x.endpoint().path(), round + 1);
                            x.call().send(next.bytes(), config.timeout())
                                    .onSuccess(r -> nonStreaming(x, r, next.request(), next.bytes(), round + 1))
                                    .onFailure(err -> UpstreamForwarder.failBeforeResponse(x.out(),
                                            x.call().target(), err));
                        }
                    });
                });
    }

    /** The last answer goes to the client with its own status and headers. */
    private static void finish(Exchange x, HttpClientResponse resp, Buffer answer, int round) {
        HttpServerResponse out = x.out();
        if (out.closed() || out.ended()) {
            return;
        }
        out.setStatusCode(resp.statusCode());
        ForwardedHeaders.copyResponseHeaders(resp.headers(), out.headers());
        out.headers().set(HttpHeaders.CONTENT_LENGTH, String.valueOf(answer.length()));
        out.end(answer).onSuccess(v -> UpstreamForwarder.logExchange(x.rc(), x.call().target(), resp.statusCode(),
                x.started()));
        if (round > 0) {
            LOG.debugf("%s answered after %d retrieval round(s)", x.endpoint().path(), round);
        }
    }

    /** A follow-up request as a tree (for the next round) and as the bytes to send. */
    record FollowUp(ObjectNode request, Buffer bytes) {
    }

    /**
     * On a worker: the follow-up for {@code answer}, or null when the answer is for the client.
     *
     * @param request the request that produced the answer as a tree, or null to parse {@code requestBytes}
     */
    Future<FollowUp> followUp(Endpoint endpoint, String scope, ObjectNode request, Buffer requestBytes,
                              Object answer) {
        return vertx.executeBlocking(() -> {
            JsonNode response = answer instanceof JsonNode n ? n : parse(((Buffer) answer).getBytes());
            if (response == null) {
                return null;
            }
            ObjectNode previous = request;
            if (previous == null) {
                JsonNode parsed = parse(requestBytes.getBytes());
                if (!(parsed instanceof ObjectNode o)) {
                    return null;
                }
                previous = o;
            }
            Optional<ObjectNode> next = handler(scope).followUp(endpoint, previous, response);
            return next.map(n -> new FollowUp(n, Buffer.buffer(codec.write(n)))).orElse(null);
        }, false);
    }

    /** Answers one headroom_retrieve call (for {@code POST /v1/retrieve/tool_call}) from {@code scope}. */
    ToolResult answer(RetrieveCall call, String scope) {
        return handler(scope).answer(call);
    }

    int maxRounds() {
        return config.maxRounds();
    }

    java.time.Duration timeout() {
        return config.timeout();
    }

    Vertx vertx() {
        return vertx;
    }

    com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return codec.mapper();
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return codec.parse(bytes);
        } catch (java.io.IOException e) {
            return null; // not JSON: nothing to answer, the client gets it as it is
        }
    }

    static boolean isEventStream(HttpClientResponse resp) {
        String type = resp.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
