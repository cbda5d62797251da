package io.headroom.sample.mcp;

/**
 * A tool ran but could not do what was asked (bad arguments, unknown hash). MCP reports this as a
 * tool result with {@code isError: true}, so the model can read the reason and correct itself.
 */
final class ToolFailure extends RuntimeException {
    ToolFailure(String message) {
        super(message, null, false, false);
    }
}
