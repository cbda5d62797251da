package io.headroom.internal.tokens;


/**
 * What Headroom knows about a model.
 *
 * @param name         the model name as asked for
 * @param provider     anthropic, openai, google or unknown
 * @param contextLimit input + output tokens the model accepts
 * @param outputLimit  most tokens it may generate (0 when unknown)
 * @param source       where the limits came from: override, builtin, pattern or default
 */
public record ModelInfo(String name, String provider, int contextLimit, int outputLimit, Source source) {

    public enum Source { OVERRIDE, BUILTIN, PATTERN, DEFAULT }
}
