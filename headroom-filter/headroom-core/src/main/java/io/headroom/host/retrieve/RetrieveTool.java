package io.headroom.host.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;

/** The {@code headroom_retrieve} tool: its definition in each API's tool format, and how to recognise it. */
public final class RetrieveTool {
    public static final String NAME = "headroom_retrieve";
    static final String DESCRIPTION = "Retrieve original uncompressed data from the Headroom cache. Tool outputs "
            + "marked '[... compressed ... Retrieve more: hash=<hash>]' were shortened; call this with that hash to get "
            + "the full original, or add a query to get only the matching items.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RetrieveTool() {
    }

    /** A fresh definition in the tool format of {@code endpoint}. */
    public static ObjectNode definition(Endpoint endpoint) {
        ObjectNode tool = JSON.objectNode();
        switch (endpoint) {
            case OPENAI_CHAT -> {
                tool.put("type", "function");
                ObjectNode function = tool.putObject("function");
                function.put("name", NAME);
                function.put("description", DESCRIPTION);
                function.set("parameters", schema());
            }
            case ANTHROPIC_MESSAGES -> {
                tool.put("name", NAME);
                tool.put("description", DESCRIPTION);
                tool.set("input_schema", schema());
            }
            case OPENAI_RESPONSES -> {
                tool.put("type", "function");
                tool.put("name", NAME);
                tool.put("description", DESCRIPTION);
                tool.set("parameters", schema());
            }
        }
        return tool;
    }

    /** True for a tool definition named {@code headroom_retrieve} in any of the three formats. */
    public static boolean isDefinition(JsonNode tool) {
        return NAME.equals(tool.path("name").asText(null)) || NAME.equals(tool.path("function").path("name").asText(null));
    }

    /** True when {@code request} lists the tool in its {@code tools}. */
    public static boolean isDeclaredIn(JsonNode request) {
        JsonNode tools = request.path("tools");
        if (tools.isArray()) {
            for (JsonNode t : tools) {
                if (isDefinition(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode schema() {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("hash").put("type", "string")
                .put("description", "The hash key from the compression marker (hash=...)");
        props.putObject("query").put("type", "string")
                .put("description", "Optional: search within the cached data and return only matching items");
        schema.putArray("required").add("hash");
        return schema;
    }
}
