package io.headroom.conformance.downstream;

import io.headroom.conformance.RecordingStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The framework-free half of every host's downstream: it forwards what the application received to the
 * {@link RecordingStub} (the body, plus the framing headers the application saw, as
 * {@value RecordingStub#OBSERVED_PREFIX}* headers) and returns the stub's answer for the host to stream
 * back. The host half ({@link RelayServlet}, {@link RelayResource}, {@link RelayRoute}, or a host's own)
 * only reads the body the way that framework's applications do and writes the answer.
 */
public final class DownstreamRelay {
    /** Request headers a relay passes on to the stub as they are. */
    private static final List<String> PASSED_ON = List.of(RecordingStub.ID_HEADER, RecordingStub.RESPOND_HEADER,
            RecordingStub.SCRIPT_HEADER);
    private static final Set<String> NO_BODY = Set.of("GET", "HEAD", "OPTIONS", "DELETE");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private DownstreamRelay() {
    }

    /**
     * Forwards one request to the stub and returns its answer, whose body the caller must close.
     *
     * @param method        the request method
     * @param pathAndQuery  the request's path (and query), as the application received it
     * @param header        the application's view of the request headers (null when absent)
     * @param body          the body exactly as the application read it
     */
    public static Answer forward(String method, String pathAndQuery, Function<String, String> header, byte[] body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(RecordingStub.uri().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header(RecordingStub.RELAY_HEADER, "true");
        for (String name : RecordingStub.OBSERVED_HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                request.header(RecordingStub.OBSERVED_PREFIX + name, value);
            }
        }
        for (String name : PASSED_ON) {
            String value = header.apply(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        request.method(method, NO_BODY.contains(method) && body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("retry-after").orElse(null), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while relaying to the stub", e);
        }
    }

    /**
     * The stub's answer: status, Content-Type, {@code retry-after} (of a refused call, which a relay passes on as
     * an application forwarding provider answers does) and the body as it arrives.
     */
    public record Answer(int status, String contentType, String retryAfter, InputStream body) {

        /** Copies the body to {@code out}, flushing after every read so an event stream is never held back. */
        public void streamTo(OutputStream out) throws IOException {
            try (InputStream in = body) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        }
    }
}
