package io.headroom.ccr.redis;

import io.headroom.CcrBackend;
import io.headroom.CcrConfig;
import io.headroom.CcrStore;
import io.headroom.InvalidConfigException;
import io.headroom.RedisUrls;
import io.headroom.host.HeadroomLog;
import java.time.Duration;

/**
 * {@code ccr.backend=redis}: found by the core through {@link java.util.ServiceLoader}. Start-up connects at once:
 * an unreachable Redis fails it, naming the URL (password masked), unless {@code ccr.redis.required=false}; then
 * the store starts disconnected, refuses puts (content stays uncompressed) and connects when Redis is back.
 */
public final class RedisCcrBackend implements CcrBackend {
    private static final HeadroomLog LOG = HeadroomLog.of(RedisCcrBackend.class);

    @Override
    public String name() {
        return CcrConfig.BACKEND_REDIS;
    }

    @Override
    public CcrStore open(CcrConfig config) {
        String url = config.redisUrl().orElseThrow(() -> new InvalidConfigException(CcrConfig.REDIS_URL,
                "required with " + CcrConfig.BACKEND + "=redis"));
        String masked = RedisUrls.masked(url);
        RedisConnection redis;
        try {
            redis = new RedisConnection(url, Duration.ofMillis(config.redisTimeoutMs()),
                    Duration.ofMillis(config.redisConnectTimeoutMs()), System::nanoTime);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(CcrConfig.REDIS_URL, "not a usable Redis URL: " + masked);
        }
        try {
            redis.connect();
        } catch (RuntimeException e) {
            if (config.redisRequired()) {
                redis.close();
                throw new InvalidConfigException(CcrConfig.REDIS_URL, "cannot reach Redis at " + masked + " ("
                        + rootCause(e) + "); set " + CcrConfig.REDIS_REQUIRED + "=false to start without it");
            }
            LOG.warn("Headroom's Redis CCR store at {} is unreachable at start-up ({}): starting anyway ({}=false); "
                    + "content stays uncompressed until Redis answers", masked, rootCause(e), CcrConfig.REDIS_REQUIRED);
        }
        return new RedisCcrStore(redis, config.redisKeyPrefix(), config.ttl(), config.maxOriginalBytes(), masked);
    }

    /** The root cause's class and message: Lettuce's name host and port only, never the credentials. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
