package io.headroom.tck;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Upstream that reads the body through {@code getReader()} and reports it re-encoded as UTF-8. */
public class ReaderEchoServlet extends RecordingServlet {
    @Override
    protected byte[] readBody(HttpServletRequest request) throws IOException {
        StringWriter text = new StringWriter();
        BufferedReader reader = request.getReader();
        reader.transferTo(text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
