package io.headroom.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import java.util.OptionalInt;

/**
 * A validated {@code POST /v1/compress} request: {@code {messages, model?, token_budget?, config?}}.
 *
 * @param messages    the messages (not copied), in OpenAI chat or Anthropic Messages shape
 * @param model       the model, {@value #DEFAULT_MODEL} when absent
 * @param tokenBudget the requested budget, if any
 * @param shape       which provider's shape the messages are in ({@link MessageShape}); the pipeline reads
 *                    them as that endpoint's body. A top-level {@code system} only marks the shape: as in the
 *                    original, it is neither counted nor returned
 */
public record CompressRequest(ArrayNode messages, String model, OptionalInt tokenBudget, Endpoint shape) {
    public static final String DEFAULT_MODEL = "gpt-4o";

    /** @throws HeadroomException validation_error naming the offending field */
    public static CompressRequest from(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw invalid("request body must be a JSON object with a 'messages' array");
        }
        JsonNode messages = request.get("messages");
        if (messages == null || messages.isNull()) {
            throw invalid("'messages' is required");
        }
        if (!(messages instanceof ArrayNode array)) {
            throw invalid("'messages' must be an array of message objects");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode m = array.get(i);
            if (!m.isObject()) {
                throw invalid("'messages[" + i + "]' must be an object");
            }
            if (!m.path("role").isTextual()) {
                throw invalid("'messages[" + i + "].role' must be a string");
            }
        }
        JsonNode model = request.get("model");
        String modelName = DEFAULT_MODEL;
        if (model != null && !model.isNull()) {
            if (!model.isTextual() || model.textValue().isBlank()) {
                throw invalid("'model' must be a non-empty string");
            }
            modelName = model.textValue();
        }
        OptionalInt budget = OptionalInt.empty();
        JsonNode tb = request.get("token_budget");
        if (tb != null && !tb.isNull()) {
            if (!tb.isIntegralNumber() || !tb.canConvertToInt() || tb.intValue() <= 0) {
                throw invalid("'token_budget' must be a positive whole number");
            }
            budget = OptionalInt.of(tb.intValue());
        }
        JsonNode config = request.get("config");
        if (config != null && !config.isNull() && !config.isObject()) {
            throw invalid("'config' must be an object");
        }
        return new CompressRequest(array, modelName, budget, MessageShape.of(request));
    }

    private static HeadroomException invalid(String message) {
        return new HeadroomException(ErrorType.VALIDATION_ERROR, message);
    }
}
