package io.headroom.ccr.redis;

import io.headroom.host.HeadroomLog;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether Redis answers, with one WARN when an outage starts and one INFO when it ends: a Redis that is down
 * for minutes under steady traffic must not write a line per request. Lines name the URL with the password
 * masked and the exception's class, never request content.
 */
final class Outage {
    private static final HeadroomLog LOG = HeadroomLog.of(RedisCcrStore.class);

    private final String maskedUrl;
    private final AtomicBoolean down = new AtomicBoolean();

    Outage(String maskedUrl) {
        this.maskedUrl = maskedUrl;
    }

    void failed(Throwable e) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("Headroom's Redis CCR store at {} is unreachable ({}): compressible content is forwarded "
                    + "uncompressed until Redis answers again", maskedUrl, e.getClass().getName());
        }
    }

    void answered() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Headroom's Redis CCR store at {} answers again: compression resumed", maskedUrl);
        }
    }

    boolean isDown() {
        return down.get();
    }
}
