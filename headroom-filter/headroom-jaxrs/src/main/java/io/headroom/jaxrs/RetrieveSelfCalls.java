package io.headroom.jaxrs;

import io.headroom.host.retrieve.RetrieveLoop;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JAX-RS filter's way of answering the model's {@code headroom_retrieve} calls, for a host that admits and
 * rewrites requests itself but runs JAX-RS resources (the Quarkus extension, for Quarkus REST): {@link #start}
 * leaves the exchange's loop on the request, where {@link HeadroomContainerResponseFilter} runs it over the
 * resource's answer, each follow-up sent to this same application over HTTP and marked with {@link #HEADER}.
 * The host must pass a marked request ({@link #isFollowUp}) to the resource untouched. One instance per host: the
 * marker is random per instance.
 */
public final class RetrieveSelfCalls {
    /** The request header that marks a follow-up round. */
    public static final String HEADER = RetrieveRoundMarker.HEADER;

    private final RetrieveRoundMarker marker = new RetrieveRoundMarker();
    private final SelfCallTarget target;
    /** HTTP/1.1: some runtimes stall on the JDK client's h2c upgrade attempt on a POST. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param selfUri where follow-ups go ({@code retrieve.self-uri}); blank: loopback at the request's port */
    public RetrieveSelfCalls(String selfUri) {
        this.target = new SelfCallTarget(selfUri);
    }

    /** True when {@code headerValue} (of {@link #HEADER}) marks one of this instance's own follow-ups. */
    public boolean isFollowUp(String headerValue) {
        return marker.isFollowUp(headerValue);
    }

    /**
     * Has {@link HeadroomContainerResponseFilter} answer the calls in this request's answer with {@code loop}.
     *
     * @param requestUri where the request came in (scheme, port, path and query); follow-ups go to its path and
     *                   query at the configured origin, else at 127.0.0.1 on its port
     * @param headers    the client's request headers as received
     */
    public void start(ContainerRequestContext request, RetrieveLoop loop, URI requestUri,
                      Map<String, List<String>> headers) {
        Objects.requireNonNull(loop, "loop");
        request.setProperty(HeadroomContainerRequestFilter.RETRIEVE_PROPERTY, new PendingRetrieve(loop,
                new SelfCall(client, request.getMethod(), target.of(requestUri), headers, marker, loop.roundTimeout())));
    }
}
