package io.headroom.sample.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers MCP JSON-RPC messages: {@code initialize}, {@code ping}, {@code tools/list},
 * {@code tools/call} and the client notifications. Transport-agnostic: {@link McpHttpRoutes} does the
 * HTTP, sessions and headers. Runs tools on the caller's (worker) thread.
 */
@ApplicationScoped
public class McpDispatcher {
    private static final Logger LOG = Logger.getLogger(McpDispatcher.class);
    static final String SERVER_NAME = "headroom";

    private final Map<String, McpTool> tools = new TreeMap<>();
    private final ObjectMapper mapper;
    private final String version;

    public McpDispatcher(Instance<McpTool> tools, ObjectMapper mapper,
                         @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
                         String version) {
        tools.forEach(t -> this.tools.put(t.name(), t));
        this.mapper = mapper;
        this.version = version;
    }

    /** The answer to an initialize request, and the revision it settled on. */
    record Initialized(ObjectNode response, String protocolVersion) {
    }

    /**
     * Answers {@code initialize}: negotiates the revision and announces the tools capability.
     *
     * @throws JsonRpcException invalid params when the client names no protocol version
     */
    Initialized initialize(JsonNode request) {
        JsonNode params = request.path("params");
        JsonNode requested = params.get("protocolVersion");
        if (requested == null || !requested.isTextual()) {
            throw new JsonRpcException(JsonRpc.INVALID_PARAMS, "initialize needs params.protocolVersion");
        }
        String negotiated = McpProtocol.negotiate(requested.asText());
        ObjectNode result = mapper.createObjectNode();
        result.put("protocolVersion", negotiated);
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        ObjectNode info = result.putObject("serverInfo");
        info.put("name", SERVER_NAME);
        info.put("title", "Headroom");
        info.put("version", version);
        result.put("instructions", "Use headroom_compress to shrink large content before reasoning over it,"
                + " headroom_retrieve to get an original back by its hash, headroom_stats for savings.");
        return new Initialized(JsonRpc.result(request.get("id"), result), negotiated);
    }

    /**
     * Handles one message of an established session.
     *
     * @return the response for a request, or null for a notification or a client response
     */
    ObjectNode handle(JsonNode message, McpSession session) {
        return handle(message, session, io.headroom.host.TenantScope.SHARED);
    }

    /** As {@link #handle(JsonNode, McpSession)}, running tools in the CCR scope of the HTTP request's caller. */
    ObjectNode handle(JsonNode message, McpSession session, String tenantScope) {
        if (JsonRpc.isNotification(message)) {
            if ("notifications/initialized".equals(message.get("method").asText())) {
                session.markInitialized();
            }
            return null; // cancellations and progress need no answer: every call here finishes promptly
        }
        if (!JsonRpc.isRequest(message)) {
            // a response to a server request (we send none) or garbage without id: nothing to answer
            return message.has("result") || message.has("error") ? null
                    : JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "not a JSON-RPC 2.0 request");
        }
        JsonNode id = message.get("id");
        if (!JsonRpc.validId(id) || !"2.0".equals(message.path("jsonrpc").asText())) {
            return JsonRpc.error(JsonRpc.validId(id) ? id : null, JsonRpc.INVALID_REQUEST,
                    "a JSON-RPC 2.0 request needs \"jsonrpc\": \"2.0\" and a string or number id");
        }
        try {
            return JsonRpc.result(id, dispatch(message.get("method").asText(), message.path("params"), session,
                    tenantScope));
        } catch (JsonRpcException e) {
            return JsonRpc.error(id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            // the message may quote content: log the type and place only
            LOG.warnf("MCP %s failed: %s at %s", message.get("method").asText(), e.getClass().getName(),
                    e.getStackTrace().length == 0 ? "unknown location" : e.getStackTrace()[0]);
            return JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private JsonNode dispatch(String method, JsonNode params, McpSession session, String tenantScope) {
        return switch (method) {
            case "ping" -> mapper.createObjectNode();
            case "tools/list" -> listTools();
            case "tools/call" -> callTool(params, session.protocolVersion(), tenantScope);
            case "initialize" -> throw new JsonRpcException(JsonRpc.INVALID_REQUEST,
                    "session " + session.id() + " is already initialized");
            default -> throw new JsonRpcException(JsonRpc.METHOD_NOT_FOUND, "method not found: " + method);
        };
    }

    private ObjectNode listTools() {
        ObjectNode result = mapper.createObjectNode();
        ArrayNode list = result.putArray("tools");
        tools.values().forEach(t -> list.add(t.descriptor()));
        return result;
    }

    private ObjectNode callTool(JsonNode params, String protocolVersion, String tenantScope) {
        JsonNode name = params.get("name");
        if (name == null || !name.isTextual()) {
            throw new JsonRpcException(JsonRpc.INVALID_PARAMS, "tools/call needs params.name");
        }
        McpTool tool = tools.get(name.asText());
        if (tool == null) {
            throw new JsonRpcException(JsonRpc.INVALID_PARAMS, "Unknown tool: " + name.asText());
        }
        JsonNode args = params.get("arguments");
        if (args != null && !args.isNull() && !args.isObject()) {
            throw new JsonRpcException(JsonRpc.INVALID_PARAMS, "tools/call params.arguments must be an object");
        }
        ObjectNode result = mapper.createObjectNode();
        ObjectNode answer;
        try {
            answer = tool.call(args == null || args.isNull() ? mapper.createObjectNode() : args, tenantScope);
        } catch (ToolFailure e) {
            result.putArray("content").addObject().put("type", "text").put("text", e.getMessage());
            result.put("isError", true);
            return result;
        }
        result.putArray("content").addObject().put("type", "text").put("text", text(answer));
        if (McpProtocol.hasStructuredContent(protocolVersion)) {
            result.set("structuredContent", answer);
        }
        result.put("isError", false);
        return result;
    }

    private String text(ObjectNode answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serialises", e);
        }
    }
}
