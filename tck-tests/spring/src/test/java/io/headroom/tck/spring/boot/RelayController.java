package io.headroom.tck.spring.boot;

import io.headroom.conformance.downstream.DownstreamRelay;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The application behind the filter: a Spring MVC controller that takes JSON bodies as {@code @RequestBody},
 * the way Spring applications read them, and every other body (forms, multipart) from the request stream as
 * sent, as a forwarding application must (Spring would decode a form POST into parameters and re-encode
 * them); it relays the body to the conformance stub and streams the stub's answer (JSON or server-sent
 * events) back as it arrives. Multipart resolution is off ({@code spring.servlet.multipart.enabled=false}).
 */
@RestController
class RelayController {

    @RequestMapping(value = "/**", consumes = {"application/x-www-form-urlencoded", "multipart/*"})
    ResponseEntity<StreamingResponseBody> relayAsSent(HttpServletRequest request) throws IOException {
        return relay(request, request.getInputStream().readAllBytes());
    }

    @RequestMapping("/**")
    ResponseEntity<StreamingResponseBody> relay(HttpServletRequest request,
                                                @RequestBody(required = false) byte[] body) throws IOException {
        String query = request.getQueryString();
        DownstreamRelay.Answer answer = DownstreamRelay.forward(request.getMethod(),
                request.getRequestURI() + (query == null ? "" : "?" + query), request::getHeader,
                body == null ? new byte[0] : body);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.contentType() != null) {
            response.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        if (answer.retryAfter() != null) {
            response.header("retry-after", answer.retryAfter());
        }
        return response.body(answer::streamTo);
    }
}
