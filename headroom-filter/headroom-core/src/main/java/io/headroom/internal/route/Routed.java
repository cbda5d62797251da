package io.headroom.internal.route;

import io.headroom.Compressed;
import io.headroom.ContentType;
import java.util.Locale;
import java.util.Objects;

/**
 * What the router did with one tool output.
 *
 * @param type   the detected content type (the compressor it went to)
 * @param result that compressor's result; unchanged when it declined or failed
 */
public record Routed(ContentType type, Compressed result) {

    public Routed {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(result, "result");
    }

    /**
     * The {@code transforms_applied} entry for this output: {@code router:<type>:<ratio>}, the ratio being
     * compressed tokens over original tokens with two decimals.
     */
    public static String transformName(ContentType type, int originalTokens, int compressedTokens) {
        double ratio = originalTokens <= 0 ? 1.0 : (double) compressedTokens / originalTokens;
        return "router:" + type.wireName() + ":" + String.format(Locale.ROOT, "%.2f", ratio);
    }
}
