package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.sample.RequestBodies;
import io.headroom.sample.TenantScopes;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * MCP Streamable HTTP at {@code /mcp}: POST carries JSON-RPC requests, notifications and batches and is
 * answered with JSON (or one SSE stream when the client accepts only {@code text/event-stream}); GET
 * opens an SSE stream for server messages (this server sends none, so it carries keep-alive comments);
 * DELETE ends the session. The session id is issued on {@code initialize} and required afterwards.
 * Like {@code /v1/retrieve}, it hands out cached originals: {@link io.headroom.sample.AdminAccess} guards it
 * (loopback callers or the admin token; Host and Origin checked against DNS rebinding).
 */
@ApplicationScoped
public class McpHttpRoutes {
    static final String PATH = "/mcp";
    private static final Logger LOG = Logger.getLogger(McpHttpRoutes.class);
    private static final String JSON = "application/json";
    private static final String SSE = "text/event-stream";

    private final McpDispatcher dispatcher;
    private final McpSessions sessions;
    private final McpConfig config;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final Vertx vertx;
    private final TenantScopes scopes;

    public McpHttpRoutes(McpDispatcher dispatcher, McpSessions sessions, McpConfig config, ObjectMapper mapper,
                         RequestBodies bodies, Vertx vertx, TenantScopes scopes) {
        this.scopes = scopes;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.config = config;
        this.mapper = mapper;
        this.bodies = bodies;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        router.post(PATH)
                .handler(bodies.reader()).handler(this::post).failureHandler(bodies.failures());
        router.get(PATH).handler(this::get);
        router.delete(PATH).handler(this::delete);
    }

    private void post(RoutingContext rc) {
        boolean sse = !McpAccept.json(rc.request().getHeader(HttpHeaders.ACCEPT));
        if (sse && !McpAccept.eventStream(rc.request().getHeader(HttpHeaders.ACCEPT))) {
            refuse(rc.response(), 406, "Not Acceptable: accept application/json or text/event-stream");
            return;
        }
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(JSON)) {
            refuse(rc.response(), 415, "Unsupported Media Type: send application/json");
            return;
        }
        JsonNode body;
        try {
            Buffer raw = rc.body() == null ? null : rc.body().buffer();
            body = raw == null || raw.length() == 0 ? null : mapper.readTree(raw.getBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !(body.isObject() || body.isArray() && !body.isEmpty())) {
            write(rc.response(), 400, null, sse, List.of(JsonRpc.error(null, JsonRpc.PARSE_ERROR,
                    "Parse error: the body must be a JSON-RPC message or a non-empty batch")));
            return;
        }
        if (body.isObject() && "initialize".equals(body.path("method").asText()) && JsonRpc.isRequest(body)) {
            initialize(rc, body, sse);
            return;
        }
        Optional<McpSession> session = session(rc);
        if (session.isEmpty()) {
            return;
        }
        if (body.isArray()) {
            for (JsonNode m : body) {
                if ("initialize".equals(m.path("method").asText())) {
                    refuse(rc.response(), 400, "Invalid Request: initialize must not be part of a batch");
                    return;
                }
            }
        }
        JsonNode messages = body;
        McpSession s = session.get();
        // each HTTP request's own credentials decide the CCR scope, not the session's first request
        String scope = scopes.of(rc);
        vertx.executeBlocking(() -> answer(messages, s, scope), false).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warnf("POST %s failed: %s", PATH, ar.cause().getClass().getName());
                write(rc.response(), 500, null, sse, List.of(JsonRpc.error(null, JsonRpc.INTERNAL_ERROR,
                        "internal error")));
            } else if (ar.result().isEmpty()) {
                end(rc.response(), 202); // only notifications or responses: accepted, nothing to say
            } else if (messages.isArray()) {
                ArrayNode batch = mapper.createArrayNode();
                ar.result().forEach(batch::add);
                write(rc.response(), 200, null, sse, List.of(batch));
            } else {
                write(rc.response(), 200, null, sse, ar.result());
            }
        });
    }

    private List<JsonNode> answer(JsonNode messages, McpSession session, String scope) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : messages.isArray() ? messages : List.of(messages)) {
            ObjectNode response = dispatcher.handle(m, session, scope);
            if (response != null) {
                out.add(response);
            }
        }
        return out;
    }

    private void initialize(RoutingContext rc, JsonNode request, boolean sse) {
        McpDispatcher.Initialized init;
        try {
            init = dispatcher.initialize(request);
        } catch (JsonRpcException e) {
            write(rc.response(), 400, null, sse, List.of(JsonRpc.error(request.get("id"), e.code(), e.getMessage())));
            return;
        }
        McpSession session = sessions.open(init.protocolVersion(), scopes.caller(rc));
        write(rc.response(), 200, session.id(), sse, List.of(init.response()));
    }

    /** GET: an event stream for server-to-client messages; kept open with SSE comments until the session ends. */
    private void get(RoutingContext rc) {
        if (!McpAccept.eventStream(rc.request().getHeader(HttpHeaders.ACCEPT))) {
            refuse(rc.response(), 406, "Not Acceptable: GET " + PATH + " serves text/event-stream only");
            return;
        }
        Optional<McpSession> found = session(rc);
        if (found.isEmpty()) {
            return;
        }
        McpSession session = found.get();
        HttpServerResponse out = rc.response();
        out.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, SSE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        out.write(": stream open\n\n");
        AtomicBoolean ended = new AtomicBoolean();
        long[] timer = new long[1];
        Context context = vertx.getOrCreateContext();
        // DELETE or shutdown may end the stream from another thread: end it on its own event loop
        Runnable closer = () -> context.runOnContext(v -> {
            if (ended.compareAndSet(false, true)) {
                vertx.cancelTimer(timer[0]);
                if (!out.ended() && !out.closed()) {
                    out.end();
                }
            }
        });
        timer[0] = vertx.setPeriodic(config.keepAliveInterval().toMillis(), id -> {
            if (out.closed() || out.ended()) {
                closer.run();
            } else {
                session.touch(System.nanoTime());
                out.write(": keep-alive\n\n");
            }
        });
        session.addStream(closer);
        out.closeHandler(v -> {
            session.removeStream(closer);
            closer.run();
        });
    }

    private void delete(RoutingContext rc) {
        String id = rc.request().getHeader(McpProtocol.SESSION_HEADER);
        if (id == null) {
            refuse(rc.response(), 400, "Bad Request: " + McpProtocol.SESSION_HEADER + " header is required");
        } else if (sessions.terminate(id)) {
            end(rc.response(), 200);
        } else {
            refuse(rc.response(), 404, "Session not found: " + id);
        }
    }

    /** The request's live session, or empty after answering 400 (no id, bad version) or 404 (unknown id). */
    private Optional<McpSession> session(RoutingContext rc) {
        String id = rc.request().getHeader(McpProtocol.SESSION_HEADER);
        if (id == null || id.isBlank()) {
            refuse(rc.response(), 400, "Bad Request: " + McpProtocol.SESSION_HEADER
                    + " header is required (send initialize first)");
            return Optional.empty();
        }
        Optional<McpSession> session = sessions.find(id);
        if (session.isEmpty()) {
            // 404 tells the client to start a new session with initialize
            refuse(rc.response(), 404, "Session not found: " + id);
            return Optional.empty();
        }
        String version = rc.request().getHeader(McpProtocol.VERSION_HEADER);
        if (version != null && !McpProtocol.supports(version)) {
            refuse(rc.response(), 400, "Bad Request: unsupported " + McpProtocol.VERSION_HEADER + " " + version
                    + "; supported: " + McpProtocol.SUPPORTED);
            return Optional.empty();
        }
        return session;
    }

    private void refuse(HttpServerResponse out, int status, String message) {
        write(out, status, null, false, List.of(JsonRpc.error(null, JsonRpc.SERVER_ERROR, message)));
    }

    private void write(HttpServerResponse out, int status, String sessionId, boolean sse, List<JsonNode> messages) {
        if (out.ended() || out.closed() || out.headWritten()) {
            return;
        }
        out.setStatusCode(status);
        if (sessionId != null) {
            out.putHeader(McpProtocol.SESSION_HEADER, sessionId);
        }
        try {
            if (sse) {
                // one SSE stream that carries the answers and then ends (the spec's POST-response stream)
                Buffer events = Buffer.buffer();
                for (JsonNode m : messages) {
                    events.appendString("event: message\ndata: ").appendBytes(mapper.writeValueAsBytes(m))
                            .appendString("\n\n");
                }
                out.putHeader(HttpHeaders.CONTENT_TYPE, SSE).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .end(events);
            } else {
                out.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(mapper.writeValueAsBytes(
                        messages.size() == 1 ? messages.get(0) : mapper.valueToTree(messages))));
            }
        } catch (IOException e) {
            LOG.warnf("MCP answer could not be serialised: %s", e.getClass().getName());
            out.setStatusCode(500).end();
        }
    }

    private static void end(HttpServerResponse out, int status) {
        if (!out.ended() && !out.closed()) {
            out.setStatusCode(status).end();
        }
    }
}
