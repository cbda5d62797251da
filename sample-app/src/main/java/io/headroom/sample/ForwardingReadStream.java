package io.headroom.sample;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A read stream that looks at the chunks of another one on their way through: flow control (pause, resume,
 * fetch), failures and the end go straight to the source, so a pipe reading this stream keeps the source's
 * backpressure. Subclasses decide what the reader's {@link #handler} gets, and may take over {@link #endHandler}.
 */
abstract class ForwardingReadStream implements ReadStream<Buffer> {
    final ReadStream<Buffer> source;

    ForwardingReadStream(ReadStream<Buffer> source) {
        this.source = source;
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
