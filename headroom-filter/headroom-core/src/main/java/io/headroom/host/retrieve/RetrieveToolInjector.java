package io.headroom.host.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;

/**
 * Adds the {@code headroom_retrieve} tool to a request whose tool outputs were compressed into CCR,
 * so the model can ask for the originals. Other tools and {@code tool_choice} are left exactly as
 * they are; a request that already declares the tool is not changed.
 */
public final class RetrieveToolInjector {

    /**
     * @return true when the tool was added
     */
    public boolean inject(Endpoint endpoint, ObjectNode request) {
        JsonNode tools = request.get("tools");
        if (tools != null && !tools.isArray() && !tools.isNull()) {
            return false; // not a shape we understand: leave it to the provider to judge
        }
        if (endpoint == Endpoint.OPENAI_CHAT && tools == null && request.has("functions")) {
            return false; // legacy function calling cannot be mixed with tools
        }
        if (RetrieveTool.isDeclaredIn(request)) {
            return false;
        }
        ArrayNode list = tools instanceof ArrayNode a ? a : request.putArray("tools");
        list.add(RetrieveTool.definition(endpoint));
        return true;
    }
}
