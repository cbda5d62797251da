package io.headroom.servlet;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * A request whose body was partly consumed while checking its size: the application reads the
 * consumed prefix and then the rest of the container's stream, i.e. the original bytes. Headers are
 * untouched because the body is.
 */
final class ReplayingRequest extends ReplacedBodyRequest {
    private final byte[] consumed;

    ReplayingRequest(HttpServletRequest request, byte[] consumed) {
        super(request);
        this.consumed = consumed;
    }

    @Override
    protected ServletInputStream openBody() throws IOException {
        return new ReplayingInputStream(consumed, getRequest().getInputStream());
    }
}
