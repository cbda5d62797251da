package io.headroom.conformance.downstream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;

/**
 * The downstream of a JAX-RS host: a resource on every path that takes the entity as {@code byte[]},
 * as JAX-RS applications do, relays it to the stub and streams the answer back.
 */
@Path("/")
public class RelayResource {

    @POST
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response post(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) throws IOException {
        return relay("POST", body, headers, uri);
    }

    @GET
    @Path("{path: .*}")
    public Response get(@Context HttpHeaders headers, @Context UriInfo uri) throws IOException {
        return relay("GET", new byte[0], headers, uri);
    }

    private static Response relay(String method, byte[] body, HttpHeaders headers, UriInfo uri) throws IOException {
        String query = uri.getRequestUri().getRawQuery();
        DownstreamRelay.Answer answer = DownstreamRelay.forward(method,
                uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query), headers::getHeaderString,
                body == null ? new byte[0] : body);
        StreamingOutput stream = answer::streamTo;
        return Response.status(answer.status()).type(answer.contentType())
                .header("retry-after", answer.retryAfter()).entity(stream).build();
    }
}
