package io.headroom.conformance.downstream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The downstream of a servlet host: an ordinary servlet that reads the body with
 * {@code getInputStream()}, as applications behind a filter do, and relays it to the stub. Map it to
 * {@code /*} behind the filter (web.xml, {@code ServletContextHandler}, {@code ServletRegistrationBean}).
 */
public class RelayServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String query = request.getQueryString();
        DownstreamRelay.Answer answer = DownstreamRelay.forward(request.getMethod(),
                request.getRequestURI() + (query == null ? "" : "?" + query), request::getHeader, body);
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.retryAfter() != null) {
            response.setHeader("retry-after", answer.retryAfter());
        }
        answer.streamTo(response.getOutputStream());
    }
}
