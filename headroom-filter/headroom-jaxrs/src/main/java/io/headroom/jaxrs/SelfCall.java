package io.headroom.jaxrs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A follow-up round of the retrieve loop sent to this same application over HTTP (JAX-RS cannot run a resource
 * again in-process): same method, path and query, the client's end-to-end headers (authorization included), the
 * follow-up body, and the {@link RetrieveRoundMarker} header so that the request filter hands the body to the
 * resource as it is. The call as a whole, body included, is bounded by the round timeout.
 */
final class SelfCall {
    /** Headers the JDK client sets itself or refuses, hop-by-hop ones, and what no longer describes the body. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "te", "trailer", "transfer-encoding", "proxy-authorization",
            "proxy-connection", "content-encoding", "http2-settings");

    private final HttpClient client;
    private final String method;
    private final URI target;
    private final Map<String, List<String>> headers;
    private final RetrieveRoundMarker marker;
    private final Duration timeout;

    /**
     * @param target  where the application answers this request's path and query
     * @param headers the client's request headers as received
     */
    SelfCall(HttpClient client, String method, URI target, Map<String, List<String>> headers,
             RetrieveRoundMarker marker, Duration timeout) {
        this.client = client;
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.marker = marker;
        this.timeout = timeout;
    }

    /** Sends {@code body} and returns the answer once its head arrived; the body is read by the caller. */
    UpstreamAnswer send(byte[] body, int round) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.equals(RetrieveRoundMarker.HEADER)) {
                values.forEach(v -> request.header(name, v));
            }
        });
        marker.mark(request::header, round);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for retrieve round " + round);
        }
        InputStream answerBody = response.body();
        // the head arrived within the timeout; the rest of the round has what is left of it
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> close(answerBody));
        return new UpstreamAnswer(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                response.headers().map(), answerBody);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // already closed: the round ended in time
        }
    }
}
