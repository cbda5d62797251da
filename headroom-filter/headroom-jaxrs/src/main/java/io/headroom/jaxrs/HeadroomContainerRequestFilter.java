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
import java.util.Objects;

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
 * <p>The filter does not answer the model's {@code headroom_retrieve} calls (JAX-RS gives it no way to run the
 * resource again with a follow-up), so it does not offer the tool: one a Headroom configured to inject it added is
 * taken back out of the forwarded body ({@link RetrieveToolWithdrawal}), a call nobody answers would otherwise reach
 * the client. Compressed originals stay retrievable with {@link Headroom#retrieve}.
 */
@PreMatching
public final class HeadroomContainerRequestFilter implements ContainerRequestFilter {
    /** Request property holding the {@code x-headroom-*} response headers ({@code Map<String, String>}). */
    public static final String RESPONSE_HEADERS_PROPERTY = "io.headroom.jaxrs.response-headers";

    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomContainerRequestFilter.class);

    /** Request property holding the body's {@link BodyBudget.Reservation}, closed by the response filter. */
    static final String RESERVATION_PROPERTY = "io.headroom.jaxrs.body-reservation";

    private final Headroom headroom;
    private final Admission admission;
    private final BodyBudget budget;
    private final RetrieveToolWithdrawal withdrawal;

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
        LOG.info("Headroom JAX-RS filter {}; HTTP/2 requests are rewritten like HTTP/1.1 ones when the runtime serves "
                + "them; {}.", admission.describe(), headroom.config().ccr().injectTool()
                ? "it does not offer the headroom_retrieve tool, because it cannot answer the model's calls (JAX-RS "
                + "cannot run the resource again with a follow-up; originals stay retrievable with Headroom#retrieve)"
                : "the headroom_retrieve tool is not injected (ccr.inject-tool=false)");
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
        // nobody answers a headroom_retrieve call here: the tool is not offered
        BodyRewrite rewrite = withdrawal.withdraw(
                admission.rewrite(headroom, decision, body.bytes(), body.complete(), null), decision, body.bytes());
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
