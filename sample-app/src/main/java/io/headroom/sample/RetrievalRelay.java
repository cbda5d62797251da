package io.headroom.sample;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.RetrieveConfig;
import io.headroom.host.JsonCodec;
import io.headroom.host.retrieve.RetrieveCall;
import io.headroom.host.retrieve.RetrieveCallHandler;
import io.headroom.host.retrieve.RetrieveLoop;
import io.headroom.host.retrieve.RetrieveSource;
import io.headroom.host.retrieve.ToolResult;
import io.headroom.vertx.RetrieveRelay;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Answers the model's {@code headroom_retrieve} calls inside the gateway, so the client only ever sees a normal
 * answer: thin glue over the core's {@link RetrieveLoop}, run over the gateway's upstream call by
 * {@link RetrieveRelay} (headroom-vertx). Only requests the Headroom filter compressed and gave the tool to are
 * watched; calls are answered from the caller's CCR scope, counted in the gateway's metrics.
 */
@ApplicationScoped
public class RetrievalRelay {
    static final String COMPRESSED_HEADER = "x-headroom-compressed";

    private final Vertx vertx;
    private final RetrievalConfig config;
    private final RetrieveConfig loopConfig;
    private final JsonCodec codec;
    private final Headroom headroom;
    private final TenantScopes scopes;

    public RetrievalRelay(Vertx vertx, RetrievalConfig config, Headroom headroom, TenantScopes scopes) {
        this.vertx = vertx;
        this.config = config;
        // headroom.retrieve.* maps onto the core slice; an invalid value fails the start naming the option
        RetrieveConfig.Builder b = headroom.config().retrieve().toBuilder().maxRounds(config.maxRounds());
        config.roundTimeout().ifPresent(t -> b.roundTimeoutMs(t.toMillis()));
        this.loopConfig = b.build();
        this.codec = new JsonCodec(headroom.config().limits().maxBodyBytes());
        this.headroom = headroom;
        this.scopes = scopes;
    }

    /** Answers calls from the CCR scope of one caller: the model only gets back what this caller stored. */
    private RetrieveSource source(String scope) {
        // the CCR store counts hits and misses (headroom.cache.hits / .misses)
        return (hash, query) -> headroom.retrieve(hash, query, scope);
    }

    /**
     * The retrieve loop for this request when it carries the tool Headroom injected (the filter marked it
     * compressed and the forwarded body names headroom_retrieve); empty otherwise.
     */
    Optional<RetrieveLoop> watches(RoutingContext rc, Buffer body) {
        if (!"true".equals(rc.response().headers().get(COMPRESSED_HEADER))) {
            return Optional.empty();
        }
        return Endpoint.forPath(rc.normalizedPath()).flatMap(endpoint ->
                RetrieveLoop.start(headroom, loopConfig, endpoint, body.getBytes(), source(scopes.of(rc))));
    }

    /** Relays the first upstream answer, answering retrieve calls on the way; {@code meter} reads what the client gets. */
    void relay(RoutingContext rc, UpstreamCall call, HttpClientResponse first, RetrieveLoop loop, long started,
               SpendBooking.Meter meter) {
        RetrieveRelay.create(vertx, loop, body -> call.send(body, config.timeout()))
                .responseHeaders(ForwardedHeaders::copyResponseHeaders)
                .observeClientBytes(meter.watchRelayed(first)) // the final answer's usage is booked
                .relay(rc, first)
                .onSuccess(status -> UpstreamForwarder.logExchange(rc, call.target(), status, started))
                .onFailure(err -> {
                    if (!(err instanceof RetrieveRelay.ClientGoneException)) {
                        UpstreamForwarder.failBeforeResponse(rc.response(), call.target(), err);
                    }
                });
    }

    /** Answers one headroom_retrieve call (for {@code POST /v1/retrieve/tool_call}) from {@code scope}. */
    ToolResult answer(RetrieveCall call, String scope) {
        return new RetrieveCallHandler(source(scope), codec.mapper()).answer(call);
    }
}
