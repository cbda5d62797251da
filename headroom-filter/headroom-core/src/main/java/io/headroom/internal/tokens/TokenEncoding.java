package io.headroom.internal.tokens;

import java.util.Locale;

/**
 * How tokens are counted for a model family. OpenAI models get their real BPE encoding; providers
 * whose tokenizer is not public (Anthropic, Google, unknown) get a calibrated estimate on top of
 * cl100k_base, see {@link #scale()}.
 */
public enum TokenEncoding {
    /** gpt-4o, gpt-4.1, gpt-5, chatgpt-4o and the o-series reasoning models (o1, o3, o4...). */
    O200K_BASE(1.0),
    /** gpt-4 (incl. turbo), gpt-3.5, text-embedding-*. */
    CL100K_BASE(1.0),
    /**
     * Claude. Anthropic publishes no tokenizer; its guidance is ~3.5 characters per token for English
     * text, while cl100k_base averages ~4 characters per token on the same kind of text, so the
     * cl100k_base count is scaled by 4 / 3.5 ≈ 1.15. An estimate, good to within roughly ±10%.
     */
    CLAUDE_ESTIMATE(1.15),
    /**
     * Gemini and models we do not recognise. Google documents ~4 characters per token for Gemini,
     * the same density as cl100k_base, so its count is used unscaled.
     */
    GENERIC_ESTIMATE(1.0);

    private final double scale;

    TokenEncoding(double scale) {
        this.scale = scale;
    }

    /** Factor applied to the underlying BPE count (1.0 for exact encodings). */
    public double scale() {
        return scale;
    }

    public boolean exact() {
        return this == O200K_BASE || this == CL100K_BASE;
    }

    /** Picks the encoding for a model name as sent in a request's {@code model} field. */
    public static TokenEncoding forModel(String model) {
        if (model == null || model.isBlank()) {
            return GENERIC_ESTIMATE;
        }
        String m = stripProviderPrefix(model.trim().toLowerCase(Locale.ROOT));
        if (m.startsWith("ft:")) {
            // fine-tunes: "ft:gpt-4o-mini:org:suffix:id" tokenize like their base model
            m = m.substring(3);
        }
        if (m.startsWith("gpt-4o") || m.startsWith("chatgpt-4o") || m.startsWith("gpt-4.1")
                || m.startsWith("gpt-4.5") || m.startsWith("gpt-5") || m.startsWith("gpt-oss")
                || isOSeries(m)) {
            return O200K_BASE;
        }
        if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5") || m.startsWith("gpt-35")
                || m.startsWith("text-embedding")) {
            return CL100K_BASE;
        }
        if (m.contains("claude") || m.contains("opus") || m.contains("sonnet") || m.contains("haiku")) {
            return CLAUDE_ESTIMATE;
        }
        return GENERIC_ESTIMATE;
    }

    /** o1, o1-mini, o3-pro, o4-mini, ...: the letter o followed by a version digit. */
    private static boolean isOSeries(String m) {
        return m.length() >= 2 && m.charAt(0) == 'o' && Character.isDigit(m.charAt(1));
    }

    /** "openai/gpt-4o", "anthropic/claude-..." (gateway-style names) count like the bare model. */
    private static String stripProviderPrefix(String m) {
        int slash = m.lastIndexOf('/');
        return slash >= 0 && slash < m.length() - 1 ? m.substring(slash + 1) : m;
    }
}
