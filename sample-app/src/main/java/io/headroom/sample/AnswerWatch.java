package io.headroom.sample;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;

/** Watches an upstream answer while it is relayed (for the usage it reports), without holding it up. */
interface AnswerWatch {
    /** {@code resp}'s body as the stream to relay: {@code resp} itself, or a stream that also feeds a reader. */
    ReadStream<Buffer> watch(HttpClientResponse resp);
}
