package io.headroom;

import java.util.Optional;

/** The LLM API request shapes Headroom understands, keyed by the path a client posts to. */
public enum Endpoint {
    /** OpenAI Chat Completions: {@code messages} with {@code tool} role results. */
    OPENAI_CHAT("/v1/chat/completions"),
    /** Anthropic Messages: {@code system} plus {@code messages} with tool_use / tool_result blocks. */
    ANTHROPIC_MESSAGES("/v1/messages"),
    /** OpenAI Responses: {@code input} items incl. function_call_output. */
    OPENAI_RESPONSES("/v1/responses");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /**
     * Finds the endpoint a request path addresses. Matches on the path suffix so gateways mounted
     * under a prefix (e.g. {@code /openai/v1/chat/completions}) are recognised too.
     */
    public static Optional<Endpoint> forPath(String requestPath) {
        if (requestPath == null) {
            return Optional.empty();
        }
        String p = requestPath.endsWith("/") ? requestPath.substring(0, requestPath.length() - 1) : requestPath;
        for (Endpoint e : values()) {
            if (p.endsWith(e.path)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
