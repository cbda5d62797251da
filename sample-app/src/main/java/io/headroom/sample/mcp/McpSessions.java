package io.headroom.sample.mcp;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The open MCP sessions. Ids are random UUIDs (unguessable, visible ASCII as the spec asks). Sessions
 * idle longer than the configured timeout are dropped when next looked up or when a new one is opened;
 * a session with an open GET stream is in use and does not idle out.
 */
@ApplicationScoped
public class McpSessions {
    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final int maxSessions;
    private final LongSupplier nanoClock;

    @Inject
    public McpSessions(McpConfig config) {
        this(config.sessionIdleTimeout().toNanos(), config.maxSessions(), System::nanoTime);
    }

    McpSessions(long idleNanos, int maxSessions, LongSupplier nanoClock) {
        this.idleNanos = idleNanos;
        this.maxSessions = Math.max(1, maxSessions);
        this.nanoClock = nanoClock;
    }

    McpSession open(String protocolVersion) {
        long now = nanoClock.getAsLong();
        sessions.values().removeIf(s -> expired(s, now) && closed(s));
        while (sessions.size() >= maxSessions) {
            sessions.values().stream().min(Comparator.comparingLong(McpSession::lastUsedNanos))
                    .ifPresent(oldest -> terminate(oldest.id()));
        }
        McpSession session = new McpSession(UUID.randomUUID().toString(), protocolVersion, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, marked as used now; empty if unknown, terminated or idled out. */
    Optional<McpSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        McpSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        if (expired(session, now)) {
            terminate(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** Ends the session and its streams; false if there was no such session. */
    boolean terminate(String id) {
        McpSession session = id == null ? null : sessions.remove(id);
        if (session == null) {
            return false;
        }
        session.close();
        return true;
    }

    int size() {
        return sessions.size();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        sessions.keySet().forEach(this::terminate);
    }

    private boolean expired(McpSession s, long now) {
        return !s.hasStreams() && now - s.lastUsedNanos() > idleNanos;
    }

    private static boolean closed(McpSession s) {
        s.close();
        return true;
    }
}
