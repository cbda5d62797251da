package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.BlockReport;
import io.headroom.SimulationPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code /v1/compress} answer in simulate mode: the core's plan plus the fields the original's
 * {@code SimulationResult} and {@code DiffArtifact} name (as the TypeScript SDK's {@code simulate()} types them):
 * {@code block_breakdown} (tokens per block kind) and, when {@code config.generate_diff_artifact} is true,
 * {@code diff_artifact} with one entry per transform, its tokens summed over the blocks it would change.
 */
final class SimulateAnswer {

    private SimulateAnswer() {
    }

    static ObjectNode of(SimulationPlan plan, JsonNode request) {
        ObjectNode out = plan.toJson();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (BlockReport b : plan.blocks()) {
            byKind.merge(b.kind().wireName(), b.tokensBefore(), Integer::sum);
        }
        ObjectNode breakdown = out.putObject("block_breakdown");
        byKind.forEach(breakdown::put);
        if (request.path("config").path("generate_diff_artifact").asBoolean(false)) {
            out.set("diff_artifact", diffArtifact(plan, out));
        }
        return out;
    }

    private static ObjectNode diffArtifact(SimulationPlan plan, ObjectNode out) {
        ObjectNode diff = out.objectNode();
        diff.put("request_id", UUID.randomUUID().toString());
        diff.put("original_tokens", plan.tokensBefore());
        diff.put("optimized_tokens", plan.tokensAfter());
        diff.put("total_tokens_saved", plan.tokensSaved());
        Map<String, int[]> byTransform = new LinkedHashMap<>();
        for (BlockReport b : plan.blocks()) {
            if (b.transform() != null) {
                int[] t = byTransform.computeIfAbsent(b.transform(), k -> new int[2]);
                t[0] += b.tokensBefore();
                t[1] += b.tokensAfter();
            }
        }
        ArrayNode transforms = diff.putArray("transforms");
        byTransform.forEach((name, t) -> transforms.addObject()
                .put("transform_name", name)
                .put("tokens_before", t[0])
                .put("tokens_after", t[1])
                .put("tokens_saved", t[0] - t[1]));
        return diff;
    }
}
