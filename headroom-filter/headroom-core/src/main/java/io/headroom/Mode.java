package io.headroom;

import java.util.Locale;

/** What Headroom does with a request. */
public enum Mode {
    /** Rewrite request bodies to save tokens. */
    OPTIMIZE,
    /** Run the pipeline, report what it would save, forward the original unchanged. */
    AUDIT,
    /** Do nothing: forward the original, do not even analyse it. */
    PASSTHROUGH;

    /** Parses a mode name case-insensitively; {@code null} or blank gives {@code fallback}. */
    public static Mode parse(String value, Mode fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Headroom mode '" + value.trim()
                    + "' (expected optimize, audit or passthrough)", e);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
