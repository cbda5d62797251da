package io.headroom.host.retrieve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.RetrieveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the model's {@code headroom_retrieve} calls from the CCR store and builds the request that
 * continues the conversation: the previous request, plus the assistant turn with the calls, plus one
 * tool result per call. No web dependency; the gateway does the HTTP.
 *
 * <p>An answer that also calls one of the client's own tools is not intercepted: the client must see
 * (and execute) its calls, and a half-answered turn cannot be sent back. Such an answer, and an answer
 * cut off by the token limit, goes to the client as it is.
 */
public final class RetrieveCallHandler {
    private final RetrieveSource source;
    private final ObjectMapper mapper;

    public RetrieveCallHandler(RetrieveSource source, ObjectMapper mapper) {
        this.source = source;
        this.mapper = mapper;
    }

    /** The tool calls of {@code response}, an upstream answer of {@code endpoint}. */
    public RetrieveCalls calls(Endpoint endpoint, JsonNode response) {
        return RetrieveCalls.find(endpoint, response, mapper);
    }

    /**
     * The follow-up request when {@code response} calls only {@code headroom_retrieve}; empty when the
     * answer is to go to the client as it is. {@code request} is not modified.
     */
    public Optional<ObjectNode> followUp(Endpoint endpoint, ObjectNode request, JsonNode response) {
        RetrieveCalls found = calls(endpoint, response);
        if (!found.interceptable()) {
            return Optional.empty();
        }
        List<ToolResult> results = new ArrayList<>();
        for (RetrieveCall call : found.retrieveCalls()) {
            results.add(answer(call));
        }
        ObjectNode next = request.deepCopy();
        boolean built = switch (endpoint) {
            case OPENAI_CHAT -> continueChat(next, response, results);
            case ANTHROPIC_MESSAGES -> continueAnthropic(next, response, results);
            case OPENAI_RESPONSES -> continueResponses(next, response, results);
        };
        return built ? Optional.of(next) : Optional.empty();
    }

    /** The result of one call: the original, the query's matches, or why there is nothing. */
    public ToolResult answer(RetrieveCall call) {
        if (call.hash() == null) {
            return new ToolResult(call.id(), "headroom_retrieve failed: the arguments must be a JSON object "
                    + "with a 'hash' string taken from a compression marker.", true);
        }
        if (!RetrieveHashes.wellFormed(call.hash())) {
            // refused before any lookup, and not quoted: the model may have produced anything
            return new ToolResult(call.id(), "headroom_retrieve failed: 'hash' must be " + RetrieveHashes.FORMAT
                    + ". Continue with the compressed data you have.", true);
        }
        try {
            RetrieveResult r = source.retrieve(call.hash(), call.query());
            return new ToolResult(call.id(), call.query() == null ? r.originalContent() : matches(r), false);
        } catch (HeadroomException e) {
            if (e.type() != ErrorType.NOT_FOUND && e.type() != ErrorType.VALIDATION_ERROR) {
                throw e;
            }
            return new ToolResult(call.id(), "headroom_retrieve: no original is stored under hash " + call.hash()
                    + " (unknown or expired). Continue with the compressed data you have.", true);
        }
    }

    /** Query results as JSON: structured items stay JSON so the model need not decode strings twice. */
    private String matches(RetrieveResult r) {
        ObjectNode out = mapper.createObjectNode();
        out.put("hash", r.hash());
        out.put("query", r.query());
        out.put("count", r.matches().size());
        out.put("original_item_count", r.originalItemCount());
        RetrievedItems.addAll(out.putArray("results"), r.matches(), mapper);
        try {
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise retrieve results", e);
        }
    }

    private boolean continueChat(ObjectNode next, JsonNode response, List<ToolResult> results) {
        if (!(next.get("messages") instanceof ArrayNode messages)) {
            return false;
        }
        JsonNode message = response.path("choices").path(0).path("message");
        ObjectNode assistant = messages.addObject();
        assistant.put("role", "assistant");
        // only the fields a request accepts; response-only ones (refusal, annotations) are left out
        JsonNode content = message.get("content");
        assistant.set("content", content == null ? mapper.getNodeFactory().nullNode() : content.deepCopy());
        assistant.set("tool_calls", message.get("tool_calls").deepCopy());
        results.forEach(r -> messages.add(ToolResultMessages.openAiChat(r)));
        return true;
    }

    private boolean continueAnthropic(ObjectNode next, JsonNode response, List<ToolResult> results) {
        if (!(next.get("messages") instanceof ArrayNode messages)) {
            return false;
        }
        // the assistant content goes back unchanged: thinking blocks must keep their signatures
        ObjectNode assistant = messages.addObject();
        assistant.put("role", "assistant");
        assistant.set("content", response.get("content").deepCopy());
        ObjectNode user = messages.addObject();
        user.put("role", "user");
        ArrayNode blocks = user.putArray("content");
        results.forEach(r -> blocks.add(ToolResultMessages.anthropic(r)));
        return true;
    }

    private boolean continueResponses(ObjectNode next, JsonNode response, List<ToolResult> results) {
        JsonNode input = next.get("input");
        ArrayNode items;
        if (input instanceof ArrayNode a) {
            items = a;
        } else if (input != null && input.isTextual()) {
            items = mapper.createArrayNode();
            ObjectNode user = items.addObject();
            user.put("role", "user");
            user.put("content", input.asText());
            next.set("input", items);
        } else {
            return false;
        }
        // the whole output (reasoning, messages, the calls) is valid input for the next turn
        for (JsonNode item : response.path("output")) {
            items.add(item.deepCopy());
        }
        results.forEach(r -> items.add(ToolResultMessages.responses(r)));
        return true;
    }
}
