package io.headroom.ccr.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One multiplexed Lettuce connection (thread-safe: every request thread shares it, so there is no pool to size),
 * keys as UTF-8 strings and values as raw bytes, so the payload is exactly the original's bytes.
 *
 * <p>Fail fast rather than queue: while the connection is down, commands are rejected at once
 * ({@code REJECT_COMMANDS}) and every command has a timeout, so a request never waits on Redis longer than
 * {@code ccr.redis.timeout-ms}; Lettuce reconnects in the background with a delay capped at one second. When the
 * very first connection could not be made (start-up with {@code ccr.redis.required=false}), a new attempt is made
 * at most once per {@link #RETRY_INTERVAL}, on the calling thread, bounded by the connect timeout.
 */
final class RedisConnection implements AutoCloseable {
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final LongSupplier nanoTime;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private long nextAttempt; // guarded by this

    RedisConnection(String url, Duration commandTimeout, Duration connectTimeout, LongSupplier nanoTime) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        this.nanoTime = nanoTime;
    }

    /**
     * Connects now.
     *
     * @throws RedisConnectionException when Redis cannot be reached (or refuses the credentials)
     */
    void connect() {
        synchronized (this) {
            if (connection == null) {
                nextAttempt = nanoTime.getAsLong() + RETRY_INTERVAL.toNanos();
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            }
        }
    }

    /**
     * The commands of the shared connection, connecting first when no connection was ever made.
     *
     * @throws RedisConnectionException when there is no connection yet and it cannot be made now
     */
    RedisCommands<String, byte[]> commands() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) return c.sync();
        synchronized (this) {
            if (connection == null) {
                if (nanoTime.getAsLong() - nextAttempt < 0) {
                    throw new RedisConnectionException("not connected; next attempt within " + RETRY_INTERVAL);
                }
                connect();
            }
            return connection.sync();
        }
    }

    /** True when a connection exists and is up (Lettuce reconnects it in the background otherwise). */
    boolean isOpen() {
        StatefulRedisConnection<String, byte[]> c = connection;
        return c != null && c.isOpen();
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) c.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
