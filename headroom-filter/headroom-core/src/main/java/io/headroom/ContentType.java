package io.headroom;

import java.util.Locale;

/** What a tool output is, as far as choosing a compressor goes. */
public enum ContentType {
    JSON, CODE, SEARCH, LOG, DIFF, HTML, TEXT;

    /** Name used in {@code transforms_applied} entries such as {@code router:log:0.12}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
