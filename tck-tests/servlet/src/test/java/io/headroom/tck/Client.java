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
    private final HttpClient http;

    /** Speaks HTTP/1.1. */
    Client(URI base) {
        this(base, HttpClient.Version.HTTP_1_1);
    }

    /**
     * With {@code HTTP_2} against an {@code http:} URI the JDK upgrades with {@code Upgrade: h2c},
     * but only on a request without a body: a {@link #get} opens the h2 connection that later POSTs reuse.
     */
    Client(URI base, HttpClient.Version version) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(version).connectTimeout(TIMEOUT).build();
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
        return new Exchange(response.version(), response.statusCode(), response.headers(), response.body());
    }

    record Exchange(HttpClient.Version version, int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Upstream upstream() throws IOException {
            return Upstream.parse(body);
        }
    }
}
