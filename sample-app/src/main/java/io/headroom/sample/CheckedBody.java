package io.headroom.sample;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.Consumer;

/**
 * A request body on its way upstream, judged by a {@link JsonStreamCheck} as it passes: every chunk is checked
 * before it is handed on, and the last chunk is held back until the whole body proved to be one JSON object
 * (with a declared Content-Length the upstream would take the last byte for the end). On the first problem
 * nothing more goes upstream, so the upstream never sees a complete request, and {@code onProblem} is told once,
 * to cancel the upstream call and answer the client. Holds at most one chunk.
 */
final class CheckedBody extends ForwardingReadStream {
    private final JsonStreamCheck check;
    private final Consumer<String> onProblem;
    private boolean refused;
    /** The newest chunk, checked but not handed on yet; null when none is held. */
    private Buffer held;
    private Handler<Buffer> downstream;

    CheckedBody(ReadStream<Buffer> source, JsonStreamCheck check, Consumer<String> onProblem) {
        super(source);
        this.check = check;
        this.onProblem = onProblem;
    }

    /** True once the body was refused. */
    boolean refused() {
        return refused;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        source.handler(handler == null ? null : chunk -> {
            if (refused) {
                return; // the rest of a refused body is read and dropped
            }
            var problem = check.feed(chunk);
            if (problem.isPresent()) {
                refuse(problem.get());
                return;
            }
            Buffer previous = held;
            held = chunk;
            if (previous != null) {
                handler.handle(previous);
            }
        });
        downstream = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (refused) {
                return;
            }
            var problem = check.end();
            check.close();
            if (problem.isPresent()) {
                refuse(problem.get());
                return;
            }
            if (held != null && downstream != null) {
                Buffer last = held;
                held = null;
                downstream.handle(last);
            }
            endHandler.handle(v);
        });
        return this;
    }

    private void refuse(String problem) {
        refused = true;
        held = null;
        check.close();
        onProblem.accept(problem);
    }
}
