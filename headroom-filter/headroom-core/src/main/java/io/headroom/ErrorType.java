package io.headroom;

import java.util.Locale;

/**
 * The error types of the wire contract: {@code {"error": {"type": ..., "message": ...}}}. Which HTTP status
 * each one answers with is the host's business (see {@code io.headroom.host.HttpStatuses} for the usual one).
 */
public enum ErrorType {
    CONFIGURATION_ERROR,
    PROVIDER_ERROR,
    STORAGE_ERROR,
    TOKENIZATION_ERROR,
    VALIDATION_ERROR,
    TRANSFORM_ERROR,
    NOT_FOUND,
    FORBIDDEN,
    PAYLOAD_TOO_LARGE,
    /** The client stopped sending its request body (a host's read timeout). */
    REQUEST_TIMEOUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
