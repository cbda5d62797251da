package io.headroom;

/** The error types of the wire contract: {@code {"error": {"type": ..., "message": ...}}}. */
public enum ErrorType {
    CONFIGURATION_ERROR(500),
    PROVIDER_ERROR(502),
    STORAGE_ERROR(500),
    TOKENIZATION_ERROR(500),
    VALIDATION_ERROR(400),
    TRANSFORM_ERROR(500),
    NOT_FOUND(404),
    FORBIDDEN(403),
    PAYLOAD_TOO_LARGE(413),
    /** The gateway's daily spend limit ({@code HEADROOM_BUDGET}) is used up. */
    BUDGET_EXCEEDED(429);

    private final int httpStatus;

    ErrorType(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
