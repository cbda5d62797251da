package io.headroom.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The client side of the contract: the JDK {@link HttpClient}, as Java LLM routers use it, over HTTP/1.1
 * or h2c against one host. Every request carries a fresh {@value RecordingStub#ID_HEADER} so the
 * contract can ask the stub what the downstream received for exactly that request.
 *
 * <p>h2c: the JDK client upgrades a cleartext connection only on a request without a body (and Jetty
 * refuses to upgrade one with a body anyway), so before each h2c exchange a GET opens or confirms the
 * HTTP/2 connection that the request then reuses; a host that refuses the upgrade fails right there.
 */
public final class ConformanceClient {
    /** A body-less path the h2c upgrade GET goes to; the downstream relays it like any request. */
    static final String UPGRADE_PATH = "/conformance/h2c-upgrade";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http11;
    private final HttpClient h2c;

    public ConformanceClient(URI base) {
        this.base = base;
        this.http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT).build();
    }

    /** The host's base URI. */
    public URI base() {
        return base;
    }

    /** POST {@code body} with a known length (Content-Length) as {@code contentType}, plus header pairs. */
    public Exchange post(Protocol protocol, String path, byte[] body, String contentType, String... headers)
            throws IOException, InterruptedException {
        return send(protocol, request(path, contentType, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POST with an unknown length: {@code Transfer-Encoding: chunked} on HTTP/1.1, DATA frames without a length on h2. */
    public Exchange postChunked(Protocol protocol, String path, byte[] body, String contentType, String... headers)
            throws IOException, InterruptedException {
        return send(protocol, request(path, contentType, headers)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /** GET {@code path}. */
    public Exchange get(Protocol protocol, String path) throws IOException, InterruptedException {
        return send(protocol, request(path, null).GET());
    }

    /** POST whose answer the caller reads as it arrives; the caller closes the body. */
    public Streaming postStreaming(Protocol protocol, String path, byte[] body, String contentType, String... headers)
            throws IOException, InterruptedException {
        HttpClient client = clientFor(protocol);
        HttpRequest.Builder builder = request(path, contentType, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String id = id(builder);
        HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new Streaming(id, response);
    }

    private Exchange send(Protocol protocol, HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpClient client = clientFor(protocol);
        String id = id(builder);
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(protocol.version(), response.version(), "the exchange fell back to another protocol");
        return new Exchange(id, response.version(), response.statusCode(), response.headers(), response.body());
    }

    /** The client for {@code protocol}; for h2c with an HTTP/2 connection open to the host. */
    private HttpClient clientFor(Protocol protocol) throws IOException, InterruptedException {
        if (protocol == Protocol.HTTP_1_1) {
            return http11;
        }
        HttpResponse<Void> upgrade = h2c.send(request(UPGRADE_PATH, null).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(HttpClient.Version.HTTP_2, upgrade.version(), "the host refused the h2c upgrade");
        return h2c;
    }

    private HttpRequest.Builder request(String path, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    private static String id(HttpRequest.Builder builder) {
        String id = UUID.randomUUID().toString();
        builder.header(RecordingStub.ID_HEADER, id);
        return id;
    }

    /** One complete exchange as the client saw it. */
    public record Exchange(String id, HttpClient.Version version, int status, HttpHeaders headers, byte[] body) {

        /** The first value of response header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The names of the {@code x-headroom-*} response headers. */
        public java.util.List<String> headroomHeaders() {
            return headers.map().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT))
                    .filter(n -> n.startsWith("x-headroom-")).sorted().toList();
        }

        /** What the downstream received for this exchange. */
        public RecordingStub.Received received() throws IOException, InterruptedException {
            return RecordingStub.received(id);
        }
    }

    /** A response being streamed to the client. */
    public record Streaming(String id, HttpResponse<InputStream> response) {
    }
}
