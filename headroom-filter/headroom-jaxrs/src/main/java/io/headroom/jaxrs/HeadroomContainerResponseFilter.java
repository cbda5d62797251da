package io.headroom.jaxrs;

import io.headroom.host.BodyBudget;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.HeadroomLog;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers the model's {@code headroom_retrieve} calls in the resource's answer when the request filter started a
 * retrieve loop for the exchange ({@link SelfCallRetrieveExchange}), and adds the four {@code x-headroom-*} response
 * headers ({@link HeadroomHeaders}) to the response of every request {@link HeadroomContainerRequestFilter}
 * admitted.
 *
 * <p>The answer is watched whatever entity the resource returns: an {@code InputStream} (a forwarded provider
 * stream, read as it arrives), a {@code StreamingOutput} (run on a thread of its own and read as it writes,
 * {@link WrittenStream}), {@code byte[]}, {@code String} or any object the runtime has a writer for (written out
 * first). An entity the runtime writes after the filters ({@code SseEventSink}, Jersey's {@code ChunkedOutput}) is
 * not watched.
 */
public final class HeadroomContainerResponseFilter implements ContainerResponseFilter {
    private static final HeadroomLog LOG = HeadroomLog.of(HeadroomContainerResponseFilter.class);

    @Context
    private Providers providers;

    /** For JAX-RS runtimes, which inject the providers. */
    public HeadroomContainerResponseFilter() {
    }

    /** For a host that registers the filter itself (the Quarkus extension) with the runtime's providers. */
    public HeadroomContainerResponseFilter(Providers providers) {
        this.providers = providers;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // the resource has consumed the body: its share of the body budget is free again
        if (request.getProperty(HeadroomContainerRequestFilter.RESERVATION_PROPERTY) instanceof BodyBudget.Reservation r) {
            r.close();
        }
        if (request.getProperty(HeadroomContainerRequestFilter.RETRIEVE_PROPERTY) instanceof PendingRetrieve pending) {
            request.removeProperty(HeadroomContainerRequestFilter.RETRIEVE_PROPERTY);
            SelfCallRetrieveExchange exchange = new SelfCallRetrieveExchange(pending.loop(), pending.selfCall());
            if (!writtenLater(response.getEntity())) {
                UpstreamAnswer answer = resourceAnswer(response);
                if (answer != null) {
                    exchange.answer(response, answer);
                }
            }
        }
        if (request.getProperty(HeadroomContainerRequestFilter.RESPONSE_HEADERS_PROPERTY) instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> response.getHeaders().putSingle((String) name, value));
        }
    }

    /**
     * An entity the runtime keeps writing after the filters ran (Jersey's {@code ChunkedOutput}, behind its
     * {@code SseEventSink} too): there is nothing to read here, so the answer passes unchanged (documented).
     */
    private static boolean writtenLater(Object entity) {
        return entity instanceof Closeable && !(entity instanceof InputStream);
    }

    /** The resource's answer as bytes to watch, or null when it cannot be read (left as it is, logged). */
    private UpstreamAnswer resourceAnswer(ContainerResponseContext response) {
        String contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        Object entity = response.getEntity();
        try {
            InputStream body;
            if (entity == null) {
                body = InputStream.nullInputStream();
            } else if (entity instanceof InputStream in) {
                body = in;
            } else if (entity instanceof byte[] bytes) {
                body = new ByteArrayInputStream(bytes);
            } else if (entity instanceof StreamingOutput written) {
                body = WrittenStream.of(written); // read as the resource writes it, on a thread of its own
            } else if (entity instanceof String text) {
                body = new ByteArrayInputStream(text.getBytes(charsetOf(response.getMediaType())));
            } else {
                body = new ByteArrayInputStream(written(response, entity));
            }
            return new UpstreamAnswer(response.getStatus(), contentType, null, body);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Headroom could not read the resource's answer to watch it for headroom_retrieve calls ({}); "
                    + "passing it on", e.getClass().getName());
            return null;
        }
    }

    private byte[] written(ContainerResponseContext response, Object entity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type = response.getMediaType();
        @SuppressWarnings("unchecked")
        MessageBodyWriter<Object> writer = providers == null ? null : (MessageBodyWriter<Object>) providers
                .getMessageBodyWriter(entity.getClass(), response.getEntityType(), response.getEntityAnnotations(), type);
        if (writer == null) {
            throw new IOException("no writer for " + entity.getClass().getName());
        }
        writer.writeTo(entity, entity.getClass(), response.getEntityType(), response.getEntityAnnotations(), type,
                response.getHeaders(), out);
        return out.toByteArray();
    }

    private static Charset charsetOf(MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
