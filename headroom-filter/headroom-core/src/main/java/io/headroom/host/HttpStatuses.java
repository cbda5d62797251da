package io.headroom.host;

import io.headroom.ErrorType;

/** The HTTP status a host answers each {@link ErrorType} with, the same in every host. */
public final class HttpStatuses {
    private HttpStatuses() {
    }

    public static int of(ErrorType type) {
        return switch (type) {
            case VALIDATION_ERROR -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case REQUEST_TIMEOUT -> 408;
            case PAYLOAD_TOO_LARGE -> 413;
            case PROVIDER_ERROR -> 502;
            case CONFIGURATION_ERROR, STORAGE_ERROR, TOKENIZATION_ERROR, TRANSFORM_ERROR -> 500;
        };
    }
}
