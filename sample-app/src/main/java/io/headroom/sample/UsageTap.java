package io.headroom.sample;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import org.jboss.logging.Logger;

/** A read stream that hands every chunk to the reader before passing it on (pipes keep backpressure). */
final class UsageTap implements ReadStream<Buffer> {
    private static final Logger LOG = Logger.getLogger(UsageTap.class);

    private final ReadStream<Buffer> source;
    private final UsageReader reader;

    UsageTap(ReadStream<Buffer> source, UsageReader reader) {
        this.source = source;
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

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}
