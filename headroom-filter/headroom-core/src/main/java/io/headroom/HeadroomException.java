package io.headroom;

/**
 * An error a caller of Headroom's own endpoints (/v1/compress, /v1/retrieve) should see. Never
 * thrown on the proxied path: there, every failure means "forward the original".
 */
public class HeadroomException extends RuntimeException {
    private final ErrorType type;

    public HeadroomException(ErrorType type, String message) {
        super(message);
        this.type = type;
    }

    public HeadroomException(ErrorType type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }
}
