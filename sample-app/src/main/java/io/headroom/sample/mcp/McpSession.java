package io.headroom.sample.mcp;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** One MCP session: its id, the negotiated revision, who opened it, when it was last used and its open GET streams. */
final class McpSession {
    private final String id;
    private final String protocolVersion;
    private final String caller;
    private final Set<Runnable> streamClosers = new CopyOnWriteArraySet<>();
    private volatile long lastUsedNanos;
    private volatile boolean initialized;

    McpSession(String id, String protocolVersion, String caller, long nowNanos) {
        this.id = id;
        this.protocolVersion = protocolVersion;
        this.caller = caller;
        this.lastUsedNanos = nowNanos;
    }

    String id() {
        return id;
    }

    /** Who opened it: the caller's CCR scope (no credential, only its truncated hash). */
    String caller() {
        return caller;
    }

    String protocolVersion() {
        return protocolVersion;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    void touch(long nowNanos) {
        lastUsedNanos = nowNanos;
    }

    boolean initialized() {
        return initialized;
    }

    void markInitialized() {
        initialized = true;
    }

    /** Registers how to end one open event stream when the session ends. */
    void addStream(Runnable closer) {
        streamClosers.add(closer);
    }

    void removeStream(Runnable closer) {
        streamClosers.remove(closer);
    }

    boolean hasStreams() {
        return !streamClosers.isEmpty();
    }

    /** Ends every open stream of the session. */
    void close() {
        for (Runnable closer : streamClosers) {
            streamClosers.remove(closer);
            closer.run();
        }
    }
}
