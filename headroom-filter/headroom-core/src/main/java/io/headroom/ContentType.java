package io.headroom;

import java.util.Locale;

/**
 * What a tool output is, as far as choosing a compressor goes. TABLE is tabular text (CSV, TSV, markdown and
 * box-drawn tables, fixed-width columns), XML and YAML structured documents; a type without a compressor in the
 * router passes through unchanged.
 */
public enum ContentType {
    JSON, CODE, SEARCH, LOG, DIFF, HTML, TABLE, XML, YAML, TEXT;

    /** Name used in {@code transforms_applied} entries such as {@code router:log:0.12}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
