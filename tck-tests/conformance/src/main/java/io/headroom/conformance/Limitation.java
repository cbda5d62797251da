package io.headroom.conformance;

/**
 * A behaviour a host documents it cannot provide (the rule: "if a host truly cannot rewrite a
 * body, the adapter says so once at start-up and the docs list it"). Declaring one never skips a test:
 * the contract asserts the documented fallback behaviour instead.
 */
public enum Limitation {
    /**
     * Requests over HTTP/2 reach the application exactly as sent (no rewrite, {@code x-headroom-compressed:
     * false}) instead of compressed, e.g. Quarkus REST before quarkusio/quarkus#34393 is fixed.
     */
    H2_REQUESTS_PASS_THROUGH
}
