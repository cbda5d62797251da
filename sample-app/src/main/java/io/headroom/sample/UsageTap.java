package io.headroom.sample;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import org.jboss.logging.Logger;

/** A read stream that hands every chunk to the reader before passing it on (pipes keep backpressure). */
final class UsageTap extends ForwardingReadStream {
    private static final Logger LOG = Logger.getLogger(UsageTap.class);

    private final UsageReader reader;

    UsageTap(ReadStream<Buffer> source, UsageReader reader) {
        super(source);
        this.reader = reader;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        source.handler(handler == null ? null : chunk -> {
            try {
                reader.feed(chunk);
            } catch (RuntimeException e) {
                LOG.debugf("usage reader failed (%s)", e.getClass().getSimpleName());
            }
            handler.handle(chunk);
        });
        return this;
    }
}
