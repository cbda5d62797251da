package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Headroom;

/**
 * An MCP tool served by the gateway's own {@link Headroom}: holds what every such tool uses (the facade,
 * the JSON mapper, the MCP usage counters) and answers {@link #name()} and {@link #descriptor()} from the
 * name, title and description it was made with, so a tool declares only its arguments and its call.
 * Subclasses are {@code @Singleton} beans: a client proxy would need a no-argument constructor here, and
 * the dispatcher builds every tool once at start-up anyway.
 */
abstract class GatewayTool implements McpTool {
    protected final Headroom headroom;
    protected final ObjectMapper mapper;
    protected final McpUsage usage;
    private final String name;
    private final String title;
    private final String description;

    GatewayTool(String name, String title, String description, Headroom headroom, ObjectMapper mapper,
            McpUsage usage) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.headroom = headroom;
        this.mapper = mapper;
        this.usage = usage;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ObjectNode descriptor() {
        return arguments(new ToolDescriptor(mapper, name, title, description)).build();
    }

    /** Declares the tool's arguments in its inputSchema; a tool without arguments keeps the default. */
    ToolDescriptor arguments(ToolDescriptor schema) {
        return schema;
    }
}
