package io.headroom;


/**
 * One compressor of the ContentRouter. Implementations are thread-safe and stateless per call,
 * never throw for odd input (they return {@link Compressed#unchanged}), and return unchanged when
 * their output would not be strictly smaller than the input.
 */
@FunctionalInterface
public interface ContentCompressor {
    Compressed compress(String content, CompressionContext context);
}
