package io.headroom.sample.mcp;

/** A protocol-level failure of one JSON-RPC request, answered as a JSON-RPC error object. */
final class JsonRpcException extends RuntimeException {
    private final int code;

    JsonRpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
