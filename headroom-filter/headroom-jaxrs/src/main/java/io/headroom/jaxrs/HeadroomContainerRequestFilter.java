package io.headroom.jaxrs;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAX-RS request filter that compresses LLM request bodies ({@code POST /v1/chat/completions},
 * {@code /v1/messages}, {@code /v1/responses}, also under a prefix) before any resource reads them.
 *
 * <p>Pre-matching, so the entity is replaced before resource matching and any other entity
 * reader. The outcome is stored in the request property {@link #OUTCOME_PROPERTY}, from which
 * {@link HeadroomContainerResponseFilter} writes the {@code x-headroom-*} response headers. Per
 * request, {@code x-headroom-bypass: true} skips it and {@code x-headroom-mode} overrides the mode.
 * Content-encoded and oversized bodies are passed on unread. Fails open: if Headroom fails, the
 * original bytes are forwarded. Register it (and the response filter) with {@link HeadroomFeature}.
 */
@PreMatching
public final class HeadroomContainerRequestFilter implements ContainerRequestFilter {
    public static final String HEADER_BYPASS = "x-headroom-bypass";
    public static final String HEADER_MODE = "x-headroom-mode";
    /** Request property holding the {@link RequestOutcome} of a request Headroom looked at. */
    public static final String OUTCOME_PROPERTY = "io.headroom.jaxrs.outcome";

    private static final Logger LOG = LoggerFactory.getLogger(HeadroomContainerRequestFilter.class);
    private static final byte[] NO_BYTES = new byte[0];

    private final Headroom headroom;

    /** The caller keeps ownership of {@code headroom} and closes it on shutdown. */
    public HeadroomContainerRequestFilter(Headroom headroom) {
        this.headroom = Objects.requireNonNull(headroom, "headroom");
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        Optional<Endpoint> endpoint = Endpoint.forPath(request.getUriInfo().getRequestUri().getPath());
        if (endpoint.isEmpty() || request.getProperty(OUTCOME_PROPERTY) != null) {
            return;
        }
        long limit = headroom.config().limits().maxBodyBytes();
        if (!request.hasEntity() || bypassed(request) || contentEncoded(request) || request.getLength() > limit) {
            request.setProperty(OUTCOME_PROPERTY, RequestOutcome.untouched(NO_BYTES));
            return;
        }
        InputStream in = request.getEntityStream();
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 9);
        byte[] body = in.readNBytes(cap + 1); // one byte more tells "at the limit" from "above it"
        if (body.length > cap) {
            // Too large to compress: hand on what was read followed by the rest of the stream.
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body), in));
            request.setProperty(OUTCOME_PROPERTY, RequestOutcome.untouched(NO_BYTES));
            return;
        }
        RequestOutcome outcome = process(endpoint.get(), body, modeOverride(request));
        request.setEntityStream(new ByteArrayInputStream(outcome.body()));
        request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(outcome.body().length));
        // The entity is now a fixed-length array; a chunked marker would contradict Content-Length.
        request.getHeaders().remove("Transfer-Encoding");
        request.setProperty(OUTCOME_PROPERTY, outcome);
    }

    /** The facade promises not to throw; this guards the request should it break that promise. */
    private RequestOutcome process(Endpoint endpoint, byte[] body, Mode mode) {
        try {
            RequestOutcome outcome = headroom.process(endpoint, body, mode);
            if (outcome != null && outcome.body() != null) {
                return outcome;
            }
            LOG.warn("Headroom returned no outcome for POST {}; forwarding the original body", endpoint.path());
        } catch (RuntimeException e) {
            LOG.warn("Headroom failed for POST {} ({}); forwarding the original body",
                    endpoint.path(), e.getClass().getName());
        }
        return RequestOutcome.failOpen(body);
    }

    private static boolean bypassed(ContainerRequestContext request) {
        String v = request.getHeaderString(HEADER_BYPASS);
        return v != null && "true".equalsIgnoreCase(v.trim());
    }

    private static boolean contentEncoded(ContainerRequestContext request) {
        String v = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        return v != null && !v.isBlank() && !"identity".equalsIgnoreCase(v.trim());
    }

    /** An unknown mode falls back to the configured one rather than failing the request. */
    private static Mode modeOverride(ContainerRequestContext request) {
        try {
            return Mode.parse(request.getHeaderString(HEADER_MODE), null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
