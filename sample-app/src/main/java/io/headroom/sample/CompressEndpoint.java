package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CompressMode;
import io.headroom.CompressResult;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomException;
import io.headroom.host.Admission;
import io.headroom.host.JsonCodec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /v1/compress}: compresses {@code {messages, model, token_budget?, config?}} without
 * calling any LLM and answers {@code {messages, tokens_before, tokens_after, tokens_saved,
 * compression_ratio, transforms_applied, ccr_hashes}}. {@code config.default_mode} (alias
 * {@code config.mode}) picks optimize (default), audit (same answer, original messages, nothing stored) or
 * simulate (the plan: that answer plus {@code transforms}, {@code waste_signals} and per-block
 * {@code blocks}); any other value is a 400 validation_error. Bodies are admitted exactly as on the
 * proxied path: the core's {@link Admission} size limit (413 beyond it) and the core's {@link JsonCodec}
 * constraints (nesting depth, number and string lengths, duplicate keys: 400 validation_error beyond them).
 */
@ApplicationScoped
public class CompressEndpoint {
    private final Headroom headroom;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final BlockingJson blocking;
    /** The proxied path's limits: the same body size (Admission) and the same parser constraints (JsonCodec). */
    private final long maxBodyBytes;
    private final JsonCodec codec;
    /** The caller's CCR scope: originals stored here are retrievable only with the same credential. */
    @jakarta.inject.Inject
    TenantScopes scopes;

    public CompressEndpoint(Headroom headroom, ObjectMapper mapper, RequestBodies bodies, BlockingJson blocking) {
        this.headroom = headroom;
        this.mapper = mapper;
        this.bodies = bodies;
        this.blocking = blocking;
        this.maxBodyBytes = Admission.of(headroom).maxBodyBytes();
        this.codec = new JsonCodec(maxBodyBytes);
    }

    void register(@Observes Router router) {
        router.post("/v1/compress")
                .handler(bodies.reader(maxBodyBytes))
                .handler(this::handle)
                .failureHandler(bodies.failures());
    }

    private void handle(RoutingContext rc) {
        blocking.respond(rc, () -> {
            JsonNode request = JsonBodies.object(codec, rc.body().buffer());
            if (!request.path("messages").isArray()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'messages' must be an array of messages");
            }
            JsonNode model = request.get("model");
            if (model != null && !model.isNull() && !model.isTextual()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'model' must be a string");
            }
            if (CompressMode.of(request) == CompressMode.SIMULATE) {
                return mapper.writeValueAsBytes(headroom.simulate(request).toJson());
            }
            return mapper.writeValueAsBytes(toJson(headroom.compress(request, scopes.of(rc))));
        });
    }

    private ObjectNode toJson(CompressResult r) {
        ObjectNode out = mapper.createObjectNode();
        out.set("messages", r.messages());
        out.put("tokens_before", r.tokensBefore());
        out.put("tokens_after", r.tokensAfter());
        out.put("tokens_saved", r.tokensSaved());
        // fraction of tokens saved, rounded for readability (0.8734 = 87.34% fewer tokens)
        out.put("compression_ratio", Math.round(r.compressionRatio() * 10_000) / 10_000.0);
        ArrayNode transforms = out.putArray("transforms_applied");
        r.transformsApplied().forEach(transforms::add);
        ArrayNode hashes = out.putArray("ccr_hashes");
        r.ccrHashes().forEach(hashes::add);
        return out;
    }
}
