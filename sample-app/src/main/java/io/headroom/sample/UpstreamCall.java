package io.headroom.sample;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The upstream side of one client request: sends a body with the client's method, path, query and
 * end-to-end headers (credentials included), as often as needed (retrieval follow-ups reuse it), and
 * can cancel whatever is in flight when the client goes away.
 */
final class UpstreamCall {
    private final HttpClient client;
    private final RoutingContext rc;
    private final UpstreamTarget target;
    private final GatewayConfig config;
    private final boolean identityEncoding;
    private final AtomicReference<HttpClientRequest> current = new AtomicReference<>();

    /**
     * @param identityEncoding ask the upstream for an unencoded body: the gateway has to read the
     *                         answer (retrieve calls), and every client accepts identity
     */
    UpstreamCall(HttpClient client, RoutingContext rc, UpstreamTarget target, GatewayConfig config,
                 boolean identityEncoding) {
        this.client = client;
        this.rc = rc;
        this.target = target;
        this.config = config;
        this.identityEncoding = identityEncoding;
    }

    UpstreamTarget target() {
        return target;
    }

    /** @param idleTimeout how long the upstream may stay silent before the call fails */
    Future<HttpClientResponse> send(Buffer body, Duration idleTimeout) {
        MultiMap headers = headers();
        boolean bodiless = body.length() == 0 && rc.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null;
        if (!bodiless) {
            headers.set(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
        }
        return client.request(options(headers, idleTimeout)).compose(req -> {
            current.set(req);
            // a GET the client sent without a body goes on without one
            return bodiless ? req.send() : req.send(body);
        });
    }

    /**
     * Sends the client's body as it arrives, never held whole: with the client's Content-Length when it
     * declared one, chunked otherwise. Only once (a stream cannot be replayed); the caller paused
     * {@code body} before any handler could consume it.
     */
    Future<HttpClientResponse> stream(HttpServerRequest body, Duration idleTimeout) {
        return stream(body, body.getHeader(HttpHeaders.CONTENT_LENGTH), idleTimeout);
    }

    /** As {@link #stream(HttpServerRequest, Duration)}, the client's body seen through {@code body}. */
    Future<HttpClientResponse> stream(ReadStream<Buffer> body, String declared, Duration idleTimeout) {
        MultiMap headers = headers();
        if (declared != null) {
            headers.set(HttpHeaders.CONTENT_LENGTH, declared);
        }
        return client.request(options(headers, idleTimeout)).compose(req -> {
            current.set(req);
            if (declared == null) {
                req.setChunked(true);
            }
            return req.send(body);
        });
    }

    private MultiMap headers() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.copyRequestHeaders(rc.request().headers(), headers);
        if (identityEncoding) {
            headers.remove(HttpHeaders.ACCEPT_ENCODING);
        }
        return headers;
    }

    private RequestOptions options(MultiMap headers, Duration idleTimeout) {
        return new RequestOptions()
                .setMethod(rc.request().method() == null ? HttpMethod.POST : rc.request().method())
                .setSsl(target.ssl())
                .setHost(target.host())
                .setPort(target.port())
                .setURI(target.upstreamUri(rc.request().uri()))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(idleTimeout.toMillis())
                .setHeaders(headers);
    }

    /** Resets the request in flight, if any. */
    void cancel() {
        HttpClientRequest r = current.get();
        if (r != null) {
            r.reset();
        }
    }
}
