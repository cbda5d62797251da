package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.headroom.host.OcrEngineStatus;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The original's health endpoints, open to every caller and exempt from the proxy token:
 * <ul>
 *   <li>{@code GET /livez}: 200 while the process serves HTTP; {@code service, status, alive, version, timestamp,
 *       uptime_seconds}.</li>
 *   <li>{@code GET /readyz}: 200 when every enabled check is ready, else 503; the health payload with
 *       {@code ready} and {@code checks} ({@code startup}: the warm-up ({@link WarmUp}) is done;
 *       {@code upstream}: {@link UpstreamReachability}).</li>
 *   <li>{@code GET /health}: the same payload, always 200 (both carry {@code ocr}: the OCR engine found at start-up,
 *       informational, never a readiness check: without it images are simply not transcribed); plus the
 *       {@code config} block (targets, mode and
 *       compression settings) for callers the operator endpoints would serve ({@link AdminAccess}: loopback
 *       client with a loopback Host, or the admin token), never for anyone else.</li>
 * </ul>
 */
@ApplicationScoped
public class HealthEndpoints {
    static final String SERVICE = "headroom-proxy";

    private final Headroom headroom;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final WarmUp warmUp;
    private final UpstreamReachability upstream;
    private final AdminAccess access;
    private final GatewayConfig gateway;
    private final String version;
    private final Instant started = Instant.now();

    public HealthEndpoints(Headroom headroom, ObjectMapper mapper, Vertx vertx, WarmUp warmUp,
                           UpstreamReachability upstream, AdminAccess access, GatewayConfig gateway,
                           @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
                           String version) {
        this.headroom = headroom;
        this.mapper = mapper;
        this.vertx = vertx;
        this.warmUp = warmUp;
        this.upstream = upstream;
        this.access = access;
        this.gateway = gateway;
        this.version = version;
    }

    void register(@Observes Router router) {
        router.get("/livez").handler(this::livez);
        router.get("/healthz").handler(this::healthz);
        router.get("/readyz").handler(rc -> health(rc, false, true));
        router.get("/health").handler(rc -> health(rc, access.refusal(rc.request()).isEmpty(), false));
    }

    /** The original's Rust proxy liveness probe (its Python proxy exempts the path from the token too). */
    private void healthz(RoutingContext rc) {
        ObjectNode out = mapper.createObjectNode();
        out.put("ok", true);
        out.put("service", SERVICE);
        write(rc, 200, out);
    }

    private void livez(RoutingContext rc) {
        ObjectNode out = mapper.createObjectNode();
        out.put("service", SERVICE);
        out.put("status", "healthy");
        out.put("alive", true);
        out.put("version", version);
        out.put("timestamp", timestamp());
        out.put("uptime_seconds", uptimeSeconds());
        write(rc, 200, out);
    }

    /** The upstream probe blocks for up to 5 s: it runs on a worker thread, never on the event loop. */
    private void health(RoutingContext rc, boolean includeConfig, boolean statusFollowsReadiness) {
        vertx.executeBlocking(() -> payload(includeConfig), false).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
                return;
            }
            ObjectNode out = ar.result();
            boolean ready = out.get("ready").asBoolean();
            write(rc, statusFollowsReadiness && !ready ? 503 : 200, out);
        });
    }

    ObjectNode payload(boolean includeConfig) {
        ObjectNode checks = mapper.createObjectNode();
        boolean warm = warmUp.done();
        ObjectNode startup = component(checks, "startup", true, warm);
        startup.put("warm_up", warm ? "done" : "running");
        if (upstream.enabled()) {
            UpstreamReachability.Result r = upstream.check();
            ObjectNode u = component(checks, "upstream", true, r.reachable());
            u.put("url", r.url());
            u.put("error", r.error());
        } else {
            ObjectNode u = component(checks, "upstream", false, true);
            u.putNull("url");
            u.putNull("error");
        }
        // the CCR store (issue 17): with the redis backend, whether this replica can store originals in Redis
        boolean ccrEnabled = headroom.config().ccr().enabled();
        ObjectNode ccr = component(checks, "ccr_store", ccrEnabled, ccrEnabled && headroom.storeUsable());
        ccr.put("backend", headroom.config().ccr().backend());
        boolean ready = true;
        for (var check : checks) {
            ready &= check.get("ready").asBoolean();
        }
        ObjectNode out = mapper.createObjectNode();
        out.put("service", SERVICE);
        out.put("status", ready ? "healthy" : "unhealthy");
        out.put("ready", ready);
        out.put("version", version);
        out.put("timestamp", timestamp());
        out.put("uptime_seconds", uptimeSeconds());
        out.set("checks", checks);
        out.set("ocr", mapper.valueToTree(OcrEngineStatus.detect().healthFields()));
        if (includeConfig) {
            out.set("config", config());
        }
        return out;
    }

    /** A check in the original's shape: a disabled one is always ready. */
    private static ObjectNode component(ObjectNode checks, String name, boolean enabled, boolean ready) {
        ObjectNode c = checks.putObject(name);
        c.put("enabled", enabled);
        c.put("ready", !enabled || ready);
        c.put("status", !enabled ? "disabled" : ready ? "healthy" : "unhealthy");
        return c;
    }

    /** Operational detail for the operator (the TypeScript SDK's {@code HealthStatus.config} reads the first three). */
    private ObjectNode config() {
        HeadroomConfig config = headroom.config();
        Mode mode = config.mode();
        ObjectNode c = mapper.createObjectNode();
        c.put("optimize", mode == Mode.OPTIMIZE);
        c.put("cache", false); // the gateway has no response cache
        c.put("rate_limit", false); // nor a rate limiter (the daily budget is no rate limit)
        c.put("mode", mode.wireName());
        c.put("anthropic_api_url", gateway.anthropicTargetUrl());
        c.put("openai_api_url", gateway.openaiTargetUrl());
        c.put("min_tokens_to_crush", config.crusher().minTokensToCrush());
        c.put("max_items_after_crush", config.crusher().maxItemsAfterCrush());
        c.put("ccr", config.ccr().enabled());
        c.put("pid", ProcessHandle.current().pid());
        return c;
    }

    private void write(RoutingContext rc, int status, ObjectNode body) {
        rc.response().putHeader("Cache-Control", "no-store");
        ApiResponses.json(rc.response(), status, body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String timestamp() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** Seconds since start with millisecond precision, as the original's. */
    private double uptimeSeconds() {
        return Math.max(0, Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    }
}
