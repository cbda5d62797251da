package io.headroom.tck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client against one started container. */
final class Client {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    Client(URI base) {
        this.base = base;
    }

    /** POST with a known length (Content-Length). */
    Exchange post(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** POST with an unknown length, i.e. {@code Transfer-Encoding: chunked}. */
    Exchange postChunked(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    Exchange get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** POST whose response body is read by the caller as it arrives. */
    HttpResponse<InputStream> postStreaming(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    private Exchange send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Exchange(response.statusCode(), response.headers(), response.body());
    }

    record Exchange(int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Upstream upstream() throws IOException {
            return Upstream.parse(body);
        }
    }
}
