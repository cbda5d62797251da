package io.headroom.internal.wire;

import java.util.List;

/**
 * What the pipeline needs from a request body.
 *
 * @param model       the {@code model} field, or null
 * @param query       text of the latest real user message (what relevance is judged against), or null
 * @param toolOutputs tool results in request order
 * @param otherTexts  every other text of the request that the model reads (system, user and
 *                    assistant content, tool-call arguments), for token accounting only
 */
public record ParsedRequest(String model, String query, List<ToolOutput> toolOutputs, List<String> otherTexts) {
    public ParsedRequest {
        toolOutputs = List.copyOf(toolOutputs);
        otherTexts = List.copyOf(otherTexts);
    }
}
