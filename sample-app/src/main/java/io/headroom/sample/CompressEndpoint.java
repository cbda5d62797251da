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
import io.headroom.ImageOutcome;
import io.headroom.host.Admission;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.JsonCodec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * {@code POST /v1/compress}: compresses {@code {messages, model, token_budget?, config?}} without
 * calling any LLM and answers, as the original's proxy does, {@code {messages, tokens_before, tokens_after,
 * tokens_saved, compression_ratio, transforms_applied, transforms_summary, ccr_hashes}} with
 * {@code compression_ratio = tokens_after / tokens_before} (1.0 when nothing was saved), plus ours: {@code images}
 * (one entry per image, see {@link ImageOutcome}) and {@code image_tokens_before/after}. {@code model} is
 * required (400 without it). {@code x-headroom-bypass: true} answers the messages as sent, zero tokens, ratio 1.0,
 * and stores nothing. {@code config.default_mode} (alias {@code config.mode}) picks optimize (default), audit
 * (same answer, original messages, nothing stored) or simulate (the plan, see {@link SimulateAnswer}); the other {@code config} options as
 * the core's compress documents them. Bodies are admitted exactly as on the proxied path: the core's
 * {@link Admission} size limit (413 beyond it) and the core's {@link JsonCodec} constraints (nesting depth,
 * number and string lengths, duplicate keys: 400 validation_error beyond them).
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
        boolean bypass = "true".equalsIgnoreCase(strip(rc.request().getHeader(HeadroomHeaders.BYPASS)));
        blocking.respond(rc, () -> {
            JsonNode request = JsonBodies.object(codec, rc.body().buffer());
            if (bypass) {
                // the original: the messages as sent, nothing counted, nothing stored
                return mapper.writeValueAsBytes(bypassed(request.get("messages")));
            }
            if (!request.path("messages").isArray()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'messages' must be an array of messages");
            }
            JsonNode model = request.get("model");
            if (model == null || model.isNull()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "Missing required field: model");
            }
            if (!model.isTextual()) {
                throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'model' must be a string");
            }
            if (CompressMode.of(request) == CompressMode.SIMULATE) {
                return mapper.writeValueAsBytes(SimulateAnswer.of(headroom.simulate(request), request));
            }
            return mapper.writeValueAsBytes(toJson(headroom.compress(request, scopes.of(rc))));
        });
    }

    private ObjectNode bypassed(JsonNode messages) {
        ObjectNode out = mapper.createObjectNode();
        out.set("messages", messages != null && messages.isArray() ? messages : mapper.createArrayNode());
        out.put("tokens_before", 0);
        out.put("tokens_after", 0);
        out.put("tokens_saved", 0);
        out.put("compression_ratio", 1.0);
        out.putArray("transforms_applied");
        out.putObject("transforms_summary");
        out.putArray("ccr_hashes");
        ImageOutcome.addTo(out, List.of());
        return out;
    }

    private ObjectNode toJson(CompressResult r) {
        ObjectNode out = mapper.createObjectNode();
        out.set("messages", r.messages());
        out.put("tokens_before", r.tokensBefore());
        out.put("tokens_after", r.tokensAfter());
        out.put("tokens_saved", r.tokensSaved());
        // tokens after / tokens before, unrounded as the original sends it (0.015 = 98.5% fewer tokens)
        out.put("compression_ratio", r.compressionRatio());
        ArrayNode transforms = out.putArray("transforms_applied");
        r.transformsApplied().forEach(transforms::add);
        ObjectNode summary = out.putObject("transforms_summary");
        r.transformsSummary().forEach(summary::put);
        ArrayNode hashes = out.putArray("ccr_hashes");
        r.ccrHashes().forEach(hashes::add);
        ImageOutcome.addTo(out, r.images());
        return out;
    }

    private static String strip(String header) {
        return header == null ? null : header.strip();
    }
}
