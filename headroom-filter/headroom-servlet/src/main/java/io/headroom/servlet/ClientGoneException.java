package io.headroom.servlet;

import java.io.IOException;

/**
 * Thrown into the downstream's write when the client's connection failed, so the downstream stops (and cancels its
 * upstream call) instead of producing an answer nobody reads.
 */
final class ClientGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientGoneException(IOException cause) {
        super("the client went away", cause);
    }
}
