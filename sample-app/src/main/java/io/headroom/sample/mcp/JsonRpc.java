package io.headroom.sample.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 message shapes and the standard error codes. */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined server error, used for transport-level refusals (no session, bad header). */
    static final int SERVER_ERROR = -32000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRpc() {
    }

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode out = NODES.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", id);
        out.set("result", result);
        return out;
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode out = NODES.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", id == null ? NODES.nullNode() : id);
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return out;
    }

    /** A request has a method and an id; a notification a method and no id; anything else is a response. */
    static boolean isRequest(JsonNode message) {
        return message.isObject() && message.path("method").isTextual() && message.has("id");
    }

    static boolean isNotification(JsonNode message) {
        return message.isObject() && message.path("method").isTextual() && !message.has("id");
    }

    /** Ids must be strings or numbers (null is tolerated for error replies only). */
    static boolean validId(JsonNode id) {
        return id != null && (id.isTextual() || id.isNumber());
    }
}
