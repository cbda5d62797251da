package io.headroom.host;

import java.util.Locale;

/** Why an LLM request was forwarded without being rewritten. Each is counted by {@link Admission}. */
public enum PassReason {
    /** The client sent {@code x-headroom-bypass: true}. */
    BYPASS,
    /** Not JSON in UTF-8 (form, multipart, text, another charset, ...). */
    CONTENT_TYPE,
    /** A {@code Content-Encoding} other than identity, gzip or deflate (br, zstd, stacked codings, ...). */
    CONTENT_ENCODING,
    /** Declared or received body larger than {@code max-body-bytes}. */
    TOO_LARGE,
    /** A gzip/deflate body that does not decode within the size and ratio limits, or has trailing bytes. */
    UNDECODABLE,
    /** The host already held {@code max-buffered-body-bytes} of request bodies: this one went on unread. */
    BUSY,
    /** Headroom failed inside and forwarded the original (fail open). */
    FAILED_OPEN,
    /** The compression deadline ({@code compression-deadline-ms}) passed; the original went on (fail open). */
    DEADLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
