package io.headroom.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The readiness check of the upstream, as the original's {@code _check_upstream}: a HEAD of the Anthropic target
 * URL with a 5 s timeout, where any HTTP answer (even 4xx/5xx) proves DNS, TCP and TLS work; the result is kept
 * for 30 s so a probe every second costs one request per 30 s. {@code headroom.health.upstream-check=false}
 * (or the original's {@code HEADROOM_SKIP_UPSTREAM_CHECK=1}) turns it off for air-gapped or test setups.
 * Blocking: call it off the event loop.
 */
@ApplicationScoped
public class UpstreamReachability {
    static final Duration TTL = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One probe's outcome; {@code error} names the failure's type only (no URL credentials, no content). */
    record Result(boolean reachable, String url, String error, long expiresAtNanos) {
    }

    private final boolean enabled;
    private final String url;
    private final HttpClient client;
    private volatile Result last;

    @Inject
    public UpstreamReachability(GatewayConfig gateway,
                                @ConfigProperty(name = "headroom.health.upstream-check", defaultValue = "true")
                                boolean enabled,
                                @ConfigProperty(name = "HEADROOM_SKIP_UPSTREAM_CHECK") Optional<String> skip) {
        this(enabled && !skip.map(String::strip).filter("1"::equals).isPresent(), gateway.anthropicTargetUrl());
    }

    UpstreamReachability(boolean enabled, String url) {
        this.enabled = enabled;
        this.url = url;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean enabled() {
        return enabled;
    }

    /** The cached outcome, probing first when there is none younger than {@link #TTL}. */
    synchronized Result check() {
        Result cached = last;
        if (cached != null && System.nanoTime() - cached.expiresAtNanos() < 0) {
            return cached;
        }
        Result fresh = probe();
        last = fresh;
        return fresh;
    }

    private Result probe() {
        String error = null;
        try {
            HttpRequest head = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            client.send(head, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new Result(error == null, url, error, System.nanoTime() + TTL.toNanos());
    }
}
