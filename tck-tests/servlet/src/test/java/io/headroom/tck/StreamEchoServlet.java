package io.headroom.tck;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Upstream that reads the body through {@code getInputStream()}. */
public class StreamEchoServlet extends RecordingServlet {
    @Override
    protected byte[] readBody(HttpServletRequest request) throws IOException {
        return request.getInputStream().readAllBytes();
    }
}
