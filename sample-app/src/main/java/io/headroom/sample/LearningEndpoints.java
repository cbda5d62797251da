package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomException;
import io.headroom.LearnedPattern;
import io.headroom.Learning;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The routes of the original's TypeScript SDK {@code feedback.*}, {@code toin.*} and {@code telemetry.*}
 * ({@code GET /v1/feedback[/{tool}]}, {@code GET /v1/toin/stats|patterns|pattern/{prefix}},
 * {@code POST /v1/toin/reset}, {@code GET /v1/telemetry[/export|/tools[/{hash}]]},
 * {@code POST /v1/telemetry/import}), over what the core learned ({@link Headroom#learning()}). Operator
 * endpoints, guarded by {@link AdminAccess}. Telemetry is local: nothing is sent anywhere, no beacon exists.
 */
@ApplicationScoped
public class LearningEndpoints {
    /** The original's default {@code limit} of {@code /v1/toin/patterns}. */
    static final int DEFAULT_PATTERN_LIMIT = 20;

    private final Headroom headroom;
    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final BlockingJson blocking;
    private final LearningJson json;

    public LearningEndpoints(Headroom headroom, ObjectMapper mapper, RequestBodies bodies, BlockingJson blocking) {
        this.headroom = headroom;
        this.mapper = mapper;
        this.bodies = bodies;
        this.blocking = blocking;
        this.json = new LearningJson(mapper, headroom.config().crusher());
    }

    void register(@Observes Router router) {
        get(router, "/v1/feedback", rc -> json.feedback(learning().stats(), learning().patterns()));
        get(router, "/v1/feedback/:tool", rc -> json.feedbackForTool(rc.pathParam("tool"), learning().patterns()));
        get(router, "/v1/toin/stats", rc -> json.toinStats(learning().stats()));
        get(router, "/v1/toin/patterns", rc -> json.patternList(learning().patterns(), limit(rc)));
        get(router, "/v1/toin/pattern/:prefix", rc -> json.pattern(learning().pattern(rc.pathParam("prefix"))
                .orElseThrow(() -> notFound("No TOIN pattern found with hash starting with the given prefix"))));
        router.post("/v1/toin/reset").handler(rc -> blocking.respond(rc, () -> {
            learning().reset();
            return mapper.writeValueAsBytes(mapper.createObjectNode().put("status", "reset"));
        })).failureHandler(bodies.failures());
        get(router, "/v1/telemetry", rc -> telemetry());
        get(router, "/v1/telemetry/export", rc -> learning().exportState());
        router.post("/v1/telemetry/import").handler(bodies.reader()).handler(rc -> blocking.respond(rc, () -> {
            learning().importState(JsonBodies.object(mapper, rc.body().buffer()));
            return mapper.writeValueAsBytes(mapper.createObjectNode().put("status", "imported")
                    .set("current_stats", telemetry()));
        })).failureHandler(bodies.failures());
        get(router, "/v1/telemetry/tools", rc -> json.telemetryTools(learning().patterns()));
        get(router, "/v1/telemetry/tools/:hash", rc -> json.telemetryTool(exact(rc.pathParam("hash"))));
    }

    private interface Answer {
        JsonNode of(RoutingContext rc) throws Exception;
    }

    private void get(Router router, String path, Answer answer) {
        router.get(path).handler(rc -> blocking.respond(rc, () -> mapper.writeValueAsBytes(answer.of(rc))))
                .failureHandler(bodies.failures());
    }

    private Learning learning() {
        return headroom.learning();
    }

    private JsonNode telemetry() {
        return json.telemetry(learning().stats(), learning().patterns(), headroom.stats());
    }

    private LearnedPattern exact(String hash) {
        List<LearnedPattern> all = learning().patterns();
        return all.stream().filter(p -> p.signatureHash().equalsIgnoreCase(hash)).findFirst()
                .orElseThrow(() -> notFound("No telemetry found for that signature"));
    }

    /** {@code ?limit=N}, at least 1; the original's default 20. */
    private static int limit(RoutingContext rc) {
        String v = rc.queryParams().get("limit");
        if (v == null || v.isBlank()) {
            return DEFAULT_PATTERN_LIMIT;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HeadroomException(ErrorType.VALIDATION_ERROR, "'limit' must be a positive integer");
    }

    /** The hash or prefix is not echoed: it is whatever the caller sent. */
    private static HeadroomException notFound(String message) {
        return new HeadroomException(ErrorType.NOT_FOUND, message);
    }
}
