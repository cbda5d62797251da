package io.headroom.jaxrs;

import io.headroom.BodyReadConfig;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.host.Admission;
import io.headroom.host.AdmissionDecision;
import io.headroom.host.BodyBudget;
import io.headroom.host.BodyRewrite;
import io.headroom.host.BoundedBody;
import io.headroom.host.ErrorBodies;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.HeadroomLog;
import io.headroom.host.HttpStatuses;
import io.headroom.host.retrieve.RetrieveLoop;
import io.headroom.host.retrieve.RetrieveToolWithdrawal;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * JAX-RS request filter that compresses LLM request bodies ({@code POST /v1/chat/completions},
 * {@code /v1/messages}, {@code /v1/responses}, also under a prefix) before any resource reads them.
 *
 * <p>Which requests are rewritten, and how, is the core's {@link Admission} policy; this class only
 * connects it to JAX-RS. Pre-matching, so the entity is replaced before resource matching, entity
 * readers and reader interceptors (a rewritten gzip/deflate body goes on decoded, without its
 * {@code Content-Encoding}). The body is read as it arrives, at most {@code max-body-bytes}; beyond
 * that the bytes read are handed on in front of the rest of the stream. The {@code x-headroom-*}
 * response headers ({@link HeadroomHeaders}) are left in the request property
 * {@link #RESPONSE_HEADERS_PROPERTY} for {@link HeadroomContainerResponseFilter}. Fails open: if
 * Headroom fails, the original bytes are forwarded and one WARN line is logged. Register it (and the
 * response filter) with {@link HeadroomFeature}.
 *
 * <p>When the forwarded body offers the {@code headroom_retrieve} tool, the exchange gets a core
 * {@link RetrieveLoop} ({@link #RETRIEVE_PROPERTY}) which {@link HeadroomContainerResponseFilter} runs over the
 * resource's answer: JAX-RS cannot run a resource again in-process, so each follow-up is sent to this same
 * application over HTTP ({@link SelfCall}), marked ({@link RetrieveRoundMarker}) so that this filter hands its body
 * to the resource as it is. With {@code retrieve.max-rounds=0} nobody answers the calls, and the tool a Headroom
 * configured to inject it added is taken back out ({@link RetrieveToolWithdrawal}).
 */
@PreMatching
public final class HeadroomContainerRequestFilter implements ContainerRequestFilter {
    /** Request property holding the {@code x-headroom-*} response headers ({@code Map<String, String>}). */
    public static final String RESPONSE_HEADERS_PROPERTY = "io.headroom.jaxrs.response-headers";

    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomContainerRequestFilter.class);

    /** Request property holding the body's {@link BodyBudget.Reservation}, closed by the response filter. */
    static final String RESERVATION_PROPERTY = "io.headroom.jaxrs.body-reservation";
    /** Request property holding the exchange's {@link PendingRetrieve}, run by the response filter. */
    static final String RETRIEVE_PROPERTY = "io.headroom.jaxrs.retrieve";

    private final Headroom headroom;
    private final Admission admission;
    private final BodyBudget budget;
    private final RetrieveToolWithdrawal withdrawal;
    private final RetrieveRoundMarker marker = new RetrieveRoundMarker();
    private final SelfCallTarget selfCallTarget;
    /** HTTP/1.1: some runtimes (Grizzly) stall on the JDK client's h2c upgrade attempt on a POST. */
    private final HttpClient selfCalls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** As {@link #HeadroomContainerRequestFilter(Headroom, BodyReadConfig)} with the default body-read bounds. */
    public HeadroomContainerRequestFilter(Headroom headroom) {
        this(headroom, BodyReadConfig.defaults());
    }

    /**
     * The caller keeps ownership of {@code headroom} and closes it on shutdown.
     *
     * @param bodyRead {@code max-buffered-body-bytes} bounds the bodies held at once across requests (a body that
     *                 does not fit goes on unread, uncompressed); the read timeout is the runtime's idle timeout
     */
    public HeadroomContainerRequestFilter(Headroom headroom, BodyReadConfig bodyRead) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
        this.admission = Admission.of(headroom);
        this.budget = new BodyBudget(bodyRead.maxBufferedBodyBytes());
        this.withdrawal = RetrieveToolWithdrawal.of(headroom.config());
        this.selfCallTarget = new SelfCallTarget(headroom.config().retrieve().selfUri());
        LOG.info("Headroom JAX-RS filter {}; HTTP/2 requests are rewritten like HTTP/1.1 ones when the runtime serves "
                + "them; {}.", admission.describe(), retrieveLine(headroom));
    }

    private static String retrieveLine(Headroom headroom) {
        if (!headroom.config().ccr().injectTool()) {
            return "the headroom_retrieve tool is not injected (ccr.inject-tool=false)";
        }
        if (headroom.config().retrieve().maxRounds() == 0) {
            return "it does not offer the headroom_retrieve tool, because nobody answers the model's calls "
                    + "(retrieve.max-rounds=0; originals stay retrievable with Headroom#retrieve)";
        }
        String selfUri = headroom.config().retrieve().selfUri();
        return "it answers the model's headroom_retrieve calls, sending each follow-up to this application at "
                + (selfUri.isEmpty() ? "the loopback interface on the request's port" : selfUri)
                + " (retrieve.self-uri)";
    }

    /** Requests passed through untouched since start, by reason (for {@link JaxRsMeters}). */
    Admission admission() {
        return admission;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getProperty(RESPONSE_HEADERS_PROPERTY) != null) {
            return; // already handled
        }
        if (marker.isFollowUp(request.getHeaderString(RetrieveRoundMarker.HEADER))) {
            return; // one of our own retrieve rounds: the body is the loop's follow-up, for the resource as it is
        }
        AdmissionDecision decision = admission.decide(request.getMethod(),
                request.getUriInfo().getRequestUri().getPath(), request::getHeaderString);
        switch (decision.action()) {
            case IGNORE -> {
            }
            case PASS_THROUGH -> request.setProperty(RESPONSE_HEADERS_PROPERTY, decision.responseHeaders());
            case READ_BODY -> rewrite(request, decision);
        }
    }

    /** Body bytes held at this moment across requests (what {@code max-buffered-body-bytes} bounds). */
    public long bufferedBytes() {
        return budget.reserved();
    }

    private void rewrite(ContainerRequestContext request, AdmissionDecision decision) throws IOException {
        long max = admission.maxBodyBytes();
        BodyBudget.Reservation reservation = budget.tryReserve(
                BodyBudget.sizeToReserve(decision, request.getHeaderString(HttpHeaders.CONTENT_LENGTH), max + 1, max));
        if (reservation == null) {
            // no room to hold it: on unread, as without Headroom (fail open)
            request.setProperty(RESPONSE_HEADERS_PROPERTY, admission.busy(decision).responseHeaders());
            return;
        }
        request.setProperty(RESERVATION_PROPERTY, reservation);
        InputStream in = request.getEntityStream();
        BoundedBody body;
        try {
            body = BoundedBody.read(in, admission.maxBodyBytes());
        } catch (IOException e) {
            // the runtime's idle timeout, or the client went away: 408 with the JSON error body every host uses
            LOG.warn("Headroom stopped reading a request body ({}); answering 408", e.getClass().getName());
            request.abortWith(Response.status(HttpStatuses.of(ErrorType.REQUEST_TIMEOUT)).type(ErrorBodies.CONTENT_TYPE)
                    .header("Connection", "close")
                    .entity(ErrorBodies.bodyStoppedArriving()).build());
            return;
        }
        reservation.shrinkTo(BodyBudget.heldFor(body.bytes().length, decision, max));
        Map<String, List<String>> received = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> received.put(name, List.copyOf(values)));
        BodyRewrite rewrite = admission.rewrite(headroom, decision, body.bytes(), body.complete(), null);
        Optional<RetrieveLoop> loop = body.complete()
                ? RetrieveLoop.start(headroom, decision.endpoint(), rewrite.body(), (String) null) : Optional.empty();
        if (loop.isPresent()) {
            request.setProperty(RETRIEVE_PROPERTY, new PendingRetrieve(loop.get(), new SelfCall(selfCalls,
                    request.getMethod(), selfCallTarget.of(request.getUriInfo().getRequestUri()), received, marker,
                    loop.get().roundTimeout())));
        } else {
            // nobody answers a headroom_retrieve call here (max-rounds 0): the tool is not offered
            rewrite = withdrawal.withdraw(rewrite, decision, body.bytes());
        }
        request.setProperty(RESPONSE_HEADERS_PROPERTY, rewrite.responseHeaders());
        if (!body.complete()) {
            // too large to rewrite: what was read, then the rest of the stream, without holding it all
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body.bytes()), in));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(rewrite.body()));
        if (rewrite.changed()) {
            MultivaluedMap<String, String> headers = request.getHeaders();
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(rewrite.body().length));
            // the entity is now a fixed-length array; a chunked marker would contradict Content-Length
            headers.remove("Transfer-Encoding");
            if (rewrite.decoded()) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
            }
        }
    }
}
