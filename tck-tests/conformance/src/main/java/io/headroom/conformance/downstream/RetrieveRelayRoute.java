package io.headroom.conformance.downstream;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.conformance.RecordingStub;
import io.headroom.host.TenantScope;
import io.headroom.host.retrieve.RetrieveLoop;
import io.headroom.vertx.RetrieveRelay;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The downstream of a Vert.x application that answers the model's {@code headroom_retrieve} calls itself, as
 * HeadroomHandler's {@code answersRetrieveCalls(true)} (Quarkus: {@code quarkus.headroom.retrieve.answered-by-application})
 * asks: it forwards the LLM request to the {@link RecordingStub} with the application's own Vert.x
 * {@link HttpClient} and relays the answer with {@link RetrieveRelay}, which sends each follow-up the same way. A
 * request without the tool is piped back as it came. Only API common to Vert.x 4.5 and 5 (the client is the host's:
 * {@code createHttpClient()} returns another type on Vert.x 5).
 */
public final class RetrieveRelayRoute implements Handler<RoutingContext> {
    /** Request headers passed on to the stub as they are. */
    private static final List<String> PASSED_ON = List.of(RecordingStub.ID_HEADER, RecordingStub.RESPOND_HEADER,
            RecordingStub.SCRIPT_HEADER, "Content-Type");

    private final Headroom headroom;
    private final HttpClient client;
    private final Function<RoutingContext, Buffer> body;

    /**
     * @param headroom the host's Headroom (the loop answers calls from its CCR store, shared scope)
     * @param client   the application's client to the upstream
     * @param body     how this host's routes read the forwarded body, e.g. {@code HeadroomHandler::body}
     */
    public RetrieveRelayRoute(Headroom headroom, HttpClient client, Function<RoutingContext, Buffer> body) {
        this.headroom = headroom;
        this.client = client;
        this.body = body;
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Buffer forwarded = body.apply(rc);
        Buffer sent = forwarded == null ? Buffer.buffer() : forwarded;
        URI stub = RecordingStub.uri();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(stub.getHost())
                .setPort(stub.getPort()).setURI(request.uri());
        options.putHeader(RecordingStub.RELAY_HEADER, "true");
        for (String name : RecordingStub.OBSERVED_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                options.putHeader(RecordingStub.OBSERVED_PREFIX + name, value);
            }
        }
        for (String name : PASSED_ON) {
            String value = request.getHeader(name);
            if (value != null) {
                options.putHeader(name, value);
            }
        }
        Optional<RetrieveLoop> loop = Endpoint.forPath(request.path()).flatMap(endpoint ->
                RetrieveLoop.start(headroom, endpoint, sent.getBytes(), TenantScope.SHARED));
        HttpServerResponse response = rc.response();
        send(options, sent).onSuccess(first -> loop.ifPresentOrElse(
                l -> RetrieveRelay.create(rc.vertx(), l, next -> send(options, next)).relay(rc, first)
                        .onFailure(err -> answer502IfNothingWasWritten(response)),
                () -> pipe(first, response)))
                .onFailure(err -> answer502IfNothingWasWritten(response));
    }

    private Future<HttpClientResponse> send(RequestOptions options, Buffer body) {
        return client.request(options).compose(req -> req.send(body));
    }

    private static void pipe(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        String type = answer.getHeader("Content-Type");
        if (type != null) {
            response.putHeader("Content-Type", type);
        }
        answer.pipeTo(response);
    }

    private static void answer502IfNothingWasWritten(HttpServerResponse response) {
        if (!response.headWritten() && !response.closed()) {
            response.setStatusCode(502).end();
        }
    }
}
