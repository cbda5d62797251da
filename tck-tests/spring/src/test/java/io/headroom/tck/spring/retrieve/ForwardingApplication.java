package io.headroom.tck.spring.retrieve;

import io.headroom.tck.spring.HeadroomConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A Spring Boot application that calls the LLM provider at {@code llm.upstream} itself, the way applications do:
 * a {@code @RestController} takes the body as {@code @RequestBody}, forwards it, and writes the provider's answer,
 * either synchronously ({@code ResponseEntity<byte[]>}, the default) or, with {@value #STREAMING}{@code : true},
 * as a {@link StreamingResponseBody} (asynchronous: Spring MVC writes it on its task executor). Headroom is
 * registered as Spring users do ({@link HeadroomConfiguration}).
 */
@SpringBootApplication
@Import(HeadroomConfiguration.class)
public class ForwardingApplication {
    /** Request header choosing the asynchronous {@link StreamingResponseBody} controller method. */
    public static final String STREAMING = "x-relay-streaming";

    @RestController
    static class ProviderController {
        private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final URI upstream;

        ProviderController(@Value("${llm.upstream}") URI upstream) {
            this.upstream = upstream;
        }

        @PostMapping("/v1/**")
        ResponseEntity<byte[]> sync(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                    jakarta.servlet.http.HttpServletRequest request, @RequestBody byte[] body)
                throws IOException {
            HttpResponse<InputStream> answer = call(request.getRequestURI(), contentType, body);
            try (InputStream in = answer.body()) {
                return head(answer).body(in.readAllBytes());
            }
        }

        @PostMapping(path = "/v1/**", headers = STREAMING + "=true")
        ResponseEntity<StreamingResponseBody> streaming(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                        jakarta.servlet.http.HttpServletRequest request,
                                                        @RequestBody byte[] body) throws IOException {
            HttpResponse<InputStream> answer = call(request.getRequestURI(), contentType, body);
            return head(answer).body(out -> {
                try (InputStream in = answer.body()) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            });
        }

        private HttpResponse<InputStream> call(String path, String contentType, byte[] body) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(upstream.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header(HttpHeaders.CONTENT_TYPE, contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while calling the provider", e);
            }
        }

        private static ResponseEntity.BodyBuilder head(HttpResponse<InputStream> answer) {
            ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.statusCode());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)
                    .ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
            return response;
        }
    }
}
