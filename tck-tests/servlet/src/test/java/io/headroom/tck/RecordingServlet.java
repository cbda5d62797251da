package io.headroom.tck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Collections;

/**
 * Stub upstream: answers every request with a JSON report of what it received (body, lengths,
 * headers), so the test client sees exactly what the application behind the filter saw.
 */
abstract class RecordingServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the application reads the body: stream or reader. */
    protected abstract byte[] readBody(HttpServletRequest request) throws IOException;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = readBody(request);
        ObjectNode report = JSON.createObjectNode();
        report.put("method", request.getMethod());
        report.put("uri", request.getRequestURI());
        report.put("content_length", request.getContentLengthLong());
        report.put("content_length_int", request.getContentLength());
        report.put("content_length_header", request.getHeader("Content-Length"));
        report.put("content_length_int_header", request.getIntHeader("Content-Length"));
        report.put("content_length_header_names", Collections.list(request.getHeaderNames()).stream()
                .filter("Content-Length"::equalsIgnoreCase).count());
        report.put("content_length_headers", Collections.list(request.getHeaders("Content-Length")).size());
        report.put("transfer_encoding", request.getHeader("Transfer-Encoding"));
        report.put("content_encoding", request.getHeader("Content-Encoding"));
        report.put("received_bytes", body.length);
        report.put("body_base64", Base64.getEncoder().encodeToString(body));
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), report);
    }
}
