package io.headroom.jaxrs;

import io.headroom.host.BodyBudget;
import io.headroom.host.HeadroomHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Map;

/**
 * Adds the four {@code x-headroom-*} response headers ({@link HeadroomHeaders}) to the response of every
 * request {@link HeadroomContainerRequestFilter} admitted. Stateless; reads the headers the request filter
 * left in {@link HeadroomContainerRequestFilter#RESPONSE_HEADERS_PROPERTY}.
 */
public final class HeadroomContainerResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // the resource has consumed the body: its share of the body budget is free again
        if (request.getProperty(HeadroomContainerRequestFilter.RESERVATION_PROPERTY) instanceof BodyBudget.Reservation r) {
            r.close();
        }
        if (request.getProperty(HeadroomContainerRequestFilter.RESPONSE_HEADERS_PROPERTY) instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> response.getHeaders().putSingle((String) name, value));
        }
    }
}
