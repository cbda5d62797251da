package io.headroom.soak;

import java.net.http.HttpRequest;

/**
 * The credential a request carried, which with tenant isolation is also its CCR scope: the hashes a
 * request was handed are retrieved with the same header and value.
 */
record Credential(String header, String value) {
    static Credential bearer(String key) {
        return new Credential("Authorization", "Bearer " + key);
    }

    static Credential apiKey(String key) {
        return new Credential("x-api-key", key);
    }

    HttpRequest.Builder applyTo(HttpRequest.Builder b) {
        return b.header(header, value);
    }
}
