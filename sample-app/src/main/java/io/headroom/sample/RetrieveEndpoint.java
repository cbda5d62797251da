package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomException;
import io.headroom.RetrieveResult;
import io.headroom.StatsSnapshot;
import io.headroom.host.retrieve.RetrieveCall;
import io.headroom.host.retrieve.RetrieveCalls;
import io.headroom.host.retrieve.RetrieveHashes;
import io.headroom.host.retrieve.RetrieveTool;
import io.headroom.host.retrieve.ToolResult;
import io.headroom.host.retrieve.ToolResultMessages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /v1/retrieve} ({@code {hash, query?}}): the original behind a CCR marker,
 * byte-identical, or with a query the matching items; {@code GET /v1/retrieve/stats}: the CCR
 * store's counters; {@code POST /v1/retrieve/tool_call}: the tool result for one headroom_retrieve call.
 * All three are operator endpoints guarded by {@link AdminAccess}.
 */
@ApplicationScoped
public class RetrieveEndpoint {
    private final Headroom headroom;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final BlockingJson blocking;

    private final RetrievalRelay retrieval;
    private final TenantScopes scopes;

    public RetrieveEndpoint(Headroom headroom, ObjectMapper mapper, RequestBodies bodies, BlockingJson blocking,
                            RetrievalRelay retrieval,
                            TenantScopes scopes) {
        this.scopes = scopes;
        this.retrieval = retrieval;
        this.headroom = headroom;
        this.mapper = mapper;
        this.bodies = bodies;
        this.blocking = blocking;
    }

    void register(@Observes Router router) {
        router.post("/v1/retrieve")
                
                .handler(bodies.reader())
                .handler(this::retrieve)
                .failureHandler(bodies.failures());
        router.get("/v1/retrieve/stats")
                
                .handler(this::stats)
                .failureHandler(bodies.failures());
        // the original's GET form (no query): declared after /stats so that path keeps its own handler
        router.get("/v1/retrieve/:hash")
                .handler(this::retrieveByPath)
                .failureHandler(bodies.failures());
        router.post("/v1/retrieve/tool_call")
                
                .handler(bodies.reader())
                .handler(this::toolCall)
                .failureHandler(bodies.failures());
    }

    /**
     * {@code {"tool_call": {...}, "provider": "openai"|"anthropic"}}: answers one headroom_retrieve call
     * made in the client's own loop. OpenAI shape {@code {id, function: {name, arguments}}}, Anthropic a
     * {@code tool_use} block {@code {id, name, input}}; without provider the shape decides. Answers
     * {@code {"tool_result": <role:tool message | tool_result block>, "success": bool, "data": {...}}}; an
     * unknown or expired hash is a tool result saying so (success false), not an HTTP error.
     */
    private void toolCall(RoutingContext rc) {
        blocking.respond(rc, () -> {
            JsonNode request = JsonBodies.object(mapper, rc.body().buffer());
            JsonNode call = request.get("tool_call");
            if (call == null || !call.isObject()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'tool_call' must be an object");
            }
            JsonNode p = request.get("provider");
            if (p != null && !p.isNull() && !p.isTextual()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'provider' must be \"openai\" or \"anthropic\"");
            }
            String provider = p == null || p.isNull() ? (call.has("function") ? "openai" : "anthropic")
                    : p.asText().toLowerCase(java.util.Locale.ROOT);
            boolean openai = provider.equals("openai");
            if (!openai && !provider.equals("anthropic")) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'provider' must be \"openai\" or \"anthropic\"");
            }
            JsonNode owner = openai ? call.path("function") : call;
            String name = owner.path("name").asText("");
            if (!RetrieveTool.NAME.equals(name)) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR,
                        "the tool call must be a " + RetrieveTool.NAME + " call");
            }
            RetrieveCall parsed = RetrieveCalls.fromArguments(call.path("id").asText(""),
                    owner.get(openai ? "arguments" : "input"), mapper);
            ToolResult result = retrieval.answer(parsed, scopes.of(rc));
            ObjectNode out = mapper.createObjectNode();
            out.set("tool_result", openai ? ToolResultMessages.openAiChat(result) : ToolResultMessages.anthropic(result));
            out.put("success", !result.error());
            out.set("data", data(parsed, result));
            return mapper.writeValueAsBytes(out);
        });
    }

    /**
     * The original's raw retrieval data beside the formatted tool result: {@code {hash, original_content}} when
     * found, the matches ({@code {hash, query, count, original_item_count, results}}) with a query, {@code {hash,
     * error, status}} when not. A malformed hash is not echoed (it may be anything the model produced).
     */
    private JsonNode data(RetrieveCall call, ToolResult result) throws java.io.IOException {
        if (!result.error() && call.query() != null) {
            return mapper.readTree(result.content());
        }
        ObjectNode data = mapper.createObjectNode();
        data.put("hash", call.hash() != null && RetrieveHashes.wellFormed(call.hash()) ? call.hash() : null);
        if (result.error()) {
            data.put("error", result.content());
            data.put("status", "missing");
        } else {
            data.put("original_content", result.content());
        }
        return data;
    }

    private void retrieve(RoutingContext rc) {
        blocking.respond(rc, () -> {
            JsonNode request = JsonBodies.object(mapper, rc.body().buffer());
            JsonNode hash = request.get("hash");
            if (hash == null || !hash.isTextual()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'hash' must be a string");
            }
            RetrieveHashes.require(hash.asText()); // before any lookup; a refused hash is never echoed
            JsonNode query = request.get("query");
            if (query != null && !query.isNull() && !query.isTextual()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'query' must be a string");
            }
            String q = query == null || query.isNull() || query.asText().isBlank() ? null : query.asText();
            // only the caller's own scope: another tenant's hash is not_found, as an unknown one
            RetrieveResult result = headroom.retrieve(hash.asText(), q, scopes.of(rc));
            return mapper.writeValueAsBytes(toJson(result, q));
        });
    }

    /** {@code GET /v1/retrieve/{hash}}: the whole original, as {@code POST /v1/retrieve} without a query. */
    private void retrieveByPath(RoutingContext rc) {
        String hash = rc.pathParam("hash");
        blocking.respond(rc, () -> {
            RetrieveHashes.require(hash); // before any lookup; a refused hash is never echoed
            return mapper.writeValueAsBytes(toJson(headroom.retrieve(hash, null, scopes.of(rc)), null));
        });
    }

    private ObjectNode toJson(RetrieveResult r, String query) {
        ObjectNode out = mapper.createObjectNode();
        out.put("hash", r.hash());
        RetrieveResultJson.putOriginal(out, r);
        if (query != null) {
            RetrieveResultJson.putMatches(out, r, query, mapper);
        }
        return out;
    }

    private void stats(RoutingContext rc) {
        blocking.respond(rc, () -> {
            StatsSnapshot s = headroom.stats();
            ObjectNode out = mapper.createObjectNode();
            out.put("enabled", headroom.config().ccr().enabled());
            out.put("entries", s.ccrEntries());
            out.put("max_entries", headroom.config().ccr().maxEntries());
            out.put("ttl_seconds", headroom.config().ccr().ttl().toSeconds());
            out.put("stored", s.ccrStored());
            out.put("retrievals", s.ccrRetrievals());
            out.put("misses", s.ccrMisses());
            // the TypeScript SDK's CCRStats.store (it reads only this object)
            ObjectNode store = out.putObject("store");
            store.put("entries", s.ccrEntries());
            store.put("max_entries", headroom.config().ccr().maxEntries());
            store.put("retrievals", s.ccrRetrievals());
            return mapper.writeValueAsBytes(out);
        });
    }
}
