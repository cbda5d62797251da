package io.headroom.tck.spring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** A JDK HTTP client against one running application, over HTTP/1.1 or h2c. */
public final class TestClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    public TestClient(URI base, HttpClient.Version version) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(version).connectTimeout(TIMEOUT).build();
    }

    /**
     * Opens the h2c connection later requests reuse: the JDK client sends {@code Upgrade: h2c} on a request
     * without a body, and sends a POST over HTTP/1.1 while no HTTP/2 connection is open.
     */
    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> post(String path, byte[] json, String... headers)
            throws IOException, InterruptedException {
        return http.send(jsonPost(path, json, headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** As the LLM SDKs ask for a stream: the events are read by the caller as they arrive. */
    public HttpResponse<InputStream> postForEvents(String path, byte[] json) throws IOException, InterruptedException {
        return http.send(jsonPost(path, json, "Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private HttpRequest.Builder jsonPost(String path, byte[] json, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }
}
