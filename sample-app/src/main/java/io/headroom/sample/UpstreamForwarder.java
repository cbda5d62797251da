package io.headroom.sample;

import io.headroom.core.ErrorType;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Relays one request to an upstream LLM API and pipes the answer back as it arrives. Runs entirely
 * on the event loop with the non-blocking Vert.x client; server-sent events reach the client chunk
 * by chunk (pipe with backpressure, no aggregation). Logs never carry bodies or headers.
 */
@ApplicationScoped
public class UpstreamForwarder {
    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);

    private final HttpClient client;
    private final GatewayConfig config;

    public UpstreamForwarder(Vertx vertx, GatewayConfig config) {
        this.config = config;
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setForceSni(true)
                // the client asked for (and will decode) whatever encoding it negotiated
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnections());
        this.client = vertx.createHttpClient(options, pool);
    }

    /**
     * Sends {@code body} with the client's method, path, query and end-to-end headers to
     * {@code target}, then relays status, headers and body. Connection errors and timeouts before
     * the response started become a 502 provider_error; after that the client connection is reset
     * so a truncated answer is never mistaken for a complete one.
     */
    public void forward(RoutingContext rc, UpstreamTarget target, Buffer body) {
        RequestOptions options = new RequestOptions()
                .setMethod(rc.request().method() == null ? HttpMethod.POST : rc.request().method())
                .setSsl(target.ssl())
                .setHost(target.host())
                .setPort(target.port())
                .setURI(target.upstreamUri(rc.request().uri()))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.idleTimeout().toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.copyRequestHeaders(rc.request().headers(), headers);
        headers.set(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
        options.setHeaders(headers);

        long started = System.nanoTime();
        HttpServerResponse out = rc.response();
        AtomicReference<HttpClientRequest> upstream = new AtomicReference<>();
        // a client that hangs up mid-answer (e.g. a cancelled stream) must stop the upstream call too;
        // the routing context reports that as a failed end (and chains handlers, unlike closeHandler)
        rc.addEndHandler(ended -> {
            HttpClientRequest r = upstream.get();
            if (ended.failed() && r != null) {
                r.reset();
            }
        });

        client.request(options)
                .compose(req -> {
                    upstream.set(req);
                    return req.send(body);
                })
                .onSuccess(resp -> relay(rc, resp, target, started))
                .onFailure(err -> failBeforeResponse(out, target, err));
    }

    private static void relay(RoutingContext rc, HttpClientResponse resp, UpstreamTarget target, long started) {
        HttpServerResponse out = rc.response();
        if (out.closed()) {
            resp.request().reset();
            return;
        }
        out.setStatusCode(resp.statusCode());
        if (resp.statusMessage() != null) {
            out.setStatusMessage(resp.statusMessage());
        }
        ForwardedHeaders.copyResponseHeaders(resp.headers(), out.headers());
        boolean bodiless = resp.statusCode() == 204 || resp.statusCode() == 304 || resp.statusCode() < 200;
        if (!bodiless && !resp.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            // unknown length (SSE): relay each chunk as it comes
            out.setChunked(true);
        }
        resp.pipe().endOnFailure(false).to(out)
                .onSuccess(v -> logExchange(rc, target, resp.statusCode(), started))
                .onFailure(err -> {
                    // headers are gone already: reset instead of ending, so the client sees the break
                    if (out.closed()) {
                        LOG.debugf("client of %s went away mid-answer; upstream call cancelled", target);
                    } else {
                        LOG.warnf("upstream %s: response relay broke off (%s)", target, describe(err));
                    }
                    resp.request().reset();
                    out.reset();
                });
    }

    /** One line per relayed request: route, status, time and what Headroom did; never content or headers. */
    private static void logExchange(RoutingContext rc, UpstreamTarget target, int status, long started) {
        if (LOG.isInfoEnabled()) {
            LOG.infof("%s %s -> %s %d in %d ms (compressed: %s, tokens saved: %s)", rc.request().method(),
                    rc.request().path(), target.name(), status, (System.nanoTime() - started) / 1_000_000,
                    rc.response().headers().get("x-headroom-compressed"),
                    rc.response().headers().get("x-headroom-tokens-saved"));
        }
    }

    private static void failBeforeResponse(HttpServerResponse out, UpstreamTarget target, Throwable err) {
        String message = "upstream " + target.name() + " at " + target.display() + " unavailable: " + describe(err);
        LOG.warn(message);
        if (out.closed() || out.ended()) {
            return;
        }
        if (out.headWritten()) {
            out.reset();
            return;
        }
        ApiResponses.error(out, ErrorType.PROVIDER_ERROR, message);
    }

    /** A short, content-free description of a transport failure. */
    static String describe(Throwable err) {
        if (err instanceof TimeoutException || err.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        if (err instanceof ConnectException) {
            return "could not connect";
        }
        if (err instanceof UnknownHostException) {
            return "unknown host";
        }
        String m = err.getMessage();
        return err.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
