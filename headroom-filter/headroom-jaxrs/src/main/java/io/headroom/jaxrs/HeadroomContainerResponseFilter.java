package io.headroom.jaxrs;

import io.headroom.RequestOutcome;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Adds {@code x-headroom-compressed} and {@code x-headroom-tokens-saved} to the response of every
 * request {@link HeadroomContainerRequestFilter} looked at. Stateless; reads the outcome the request
 * filter left in {@link HeadroomContainerRequestFilter#OUTCOME_PROPERTY}.
 */
public final class HeadroomContainerResponseFilter implements ContainerResponseFilter {
    public static final String HEADER_COMPRESSED = "x-headroom-compressed";
    public static final String HEADER_TOKENS_SAVED = "x-headroom-tokens-saved";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(HeadroomContainerRequestFilter.OUTCOME_PROPERTY) instanceof RequestOutcome outcome)) {
            return;
        }
        response.getHeaders().putSingle(HEADER_COMPRESSED, Boolean.toString(outcome.compressed()));
        // Audit mode reports would-be savings through stats; only real savings go in the header.
        response.getHeaders().putSingle(HEADER_TOKENS_SAVED,
                Integer.toString(outcome.compressed() ? outcome.tokensSaved() : 0));
    }
}
