package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a tools/list entry: name, title, description and an object {@code inputSchema}. */
final class ToolDescriptor {
    private final ObjectNode tool;
    private final ObjectNode schema;
    private final ObjectNode properties;

    ToolDescriptor(ObjectMapper mapper, String name, String title, String description) {
        tool = mapper.createObjectNode();
        tool.put("name", name);
        tool.put("title", title);
        tool.put("description", description);
        schema = tool.putObject("inputSchema");
        schema.put("type", "object");
        properties = schema.putObject("properties");
    }

    ToolDescriptor string(String property, String description) {
        properties.putObject(property).put("type", "string").put("description", description);
        return this;
    }

    ToolDescriptor arrayOfObjects(String property, String description) {
        ObjectNode array = properties.putObject(property);
        array.put("type", "array").put("description", description);
        array.putObject("items").put("type", "object");
        return this;
    }

    ToolDescriptor required(String... names) {
        ArrayNode required = schema.putArray("required");
        for (String n : names) {
            required.add(n);
        }
        return this;
    }

    ObjectNode build() {
        return tool;
    }
}
