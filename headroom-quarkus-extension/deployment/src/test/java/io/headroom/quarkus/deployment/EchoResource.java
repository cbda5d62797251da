package io.headroom.quarkus.deployment;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Quarkus REST endpoints that answer with exactly the entity and Content-Length they received. */
@Path("/")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_OCTET_STREAM)
public class EchoResource {
    static final String ECHO_LENGTH = "x-echo-content-length";

    /** Blocking method: Quarkus REST reads the entity on a worker thread. */
    @POST
    @Path("v1/chat/completions")
    public Response chat(byte[] body, @HeaderParam("Content-Length") String contentLength) {
        return echo(body, contentLength);
    }

    @POST
    @Path("v1/messages")
    public Response messages(byte[] body, @HeaderParam("Content-Length") String contentLength) {
        return echo(body, contentLength);
    }

    /** Non-blocking method: Quarkus REST reads the entity on the event loop through its InputHandler. */
    @POST
    @Path("nonblocking/v1/chat/completions")
    public Uni<Response> chatNonBlocking(byte[] body, @HeaderParam("Content-Length") String contentLength) {
        return Uni.createFrom().item(echo(body, contentLength));
    }

    /** Not an LLM path: must never be intercepted. */
    @POST
    @Path("other")
    public Response other(byte[] body, @HeaderParam("Content-Length") String contentLength) {
        return echo(body, contentLength);
    }

    @GET
    @Path("v1/chat/completions")
    @Produces(MediaType.TEXT_PLAIN)
    public String get() {
        return "get-ok";
    }

    private static Response echo(byte[] body, String contentLength) {
        return Response.ok(body).header(ECHO_LENGTH, contentLength).build();
    }
}
