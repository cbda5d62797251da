package io.headroom.sample.mcp;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The open MCP sessions. Ids are random UUIDs (unguessable, visible ASCII as the spec asks). Sessions
 * idle longer than the configured timeout are dropped when next looked up or when a new one is opened;
 * a session with an open GET stream is in use and does not idle out. Bounded per caller and in total
 * ({@link #open}).
 */
@ApplicationScoped
public class McpSessions {
    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final int maxSessions;
    private final int maxPerCaller;
    private final LongSupplier nanoClock;

    @Inject
    public McpSessions(McpConfig config) {
        this(config.sessionIdleTimeout().toNanos(), config.maxSessions(), config.maxSessionsPerCaller(), System::nanoTime);
    }

    McpSessions(long idleNanos, int maxSessions, int maxPerCaller, LongSupplier nanoClock) {
        this.idleNanos = idleNanos;
        this.maxSessions = Math.max(1, maxSessions);
        this.maxPerCaller = Math.max(1, Math.min(maxPerCaller, this.maxSessions));
        this.nanoClock = nanoClock;
    }

    /**
     * Opens a session for {@code caller} (its CCR scope: one credential, or the anonymous callers together).
     * A caller at its own cap loses its least recently used session; when every slot is taken, the caller
     * holding the most sessions loses its least recently used one. So one client initializing in a loop
     * only ever pushes out its own sessions, never another caller's while it holds more than they do.
     */
    synchronized McpSession open(String protocolVersion, String caller) {
        long now = nanoClock.getAsLong();
        sessions.values().removeIf(s -> expired(s, now) && closed(s));
        Map<String, List<McpSession>> byCaller = sessions.values().stream()
                .collect(Collectors.groupingBy(McpSession::caller));
        List<McpSession> own = byCaller.getOrDefault(caller, List.of());
        if (own.size() >= maxPerCaller) {
            terminate(leastRecentlyUsed(own).id());
        } else if (sessions.size() >= maxSessions) {
            List<McpSession> largest = byCaller.values().stream()
                    .max(Comparator.<List<McpSession>>comparingInt(List::size)
                            .thenComparing(l -> -leastRecentlyUsed(l).lastUsedNanos()))
                    .orElseThrow();
            terminate(leastRecentlyUsed(largest).id());
        }
        McpSession session = new McpSession(UUID.randomUUID().toString(), protocolVersion, caller, now);
        sessions.put(session.id(), session);
        return session;
    }

    private static McpSession leastRecentlyUsed(List<McpSession> sessions) {
        return sessions.stream().min(Comparator.comparingLong(McpSession::lastUsedNanos)).orElseThrow();
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
