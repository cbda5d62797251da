package io.headroom.sample;

import java.util.List;
import java.util.Objects;

/**
 * The gateway's options as its configuration reference lists them (src-docs/configuration.md, section "Gateway
 * (sample-app)"): environment variable, property, default and meaning, declared once here. The page's table is
 * rendered from this list ({@link #renderTable()}), and {@code GatewayConfigReferenceTest} fails when the page, this
 * list and what the gateway reads (application.properties, the {@code @ConfigMapping} and {@code @ConfigProperty}
 * defaults) disagree on a name, an environment variable or a default.
 */
public final class GatewayOptions {
    public static final String BEGIN = "<!-- BEGIN GENERATED gateway options: from GatewayOptions by GatewayConfigReferenceTest, do not edit by hand -->";
    public static final String END = "<!-- END GENERATED gateway options -->";

    /**
     * One option.
     *
     * @param environment the environment variable(s) that set it, as the page shows them (Markdown), or null
     * @param property    the property
     * @param defaultText the default as the page shows it (Markdown): {@code `value`}, optionally followed by a
     *                    note, or {@code unset ...}
     * @param meaning     what it does (Markdown)
     */
    public record GatewayOption(String environment, String property, String defaultText, String meaning) {
        public GatewayOption {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(defaultText, "defaultText");
            Objects.requireNonNull(meaning, "meaning");
        }

        /** The default value itself: the first {@code `...`} of {@link #defaultText}; null when unset. */
        public String defaultValue() {
            if (defaultText.startsWith("unset")) {
                return null;
            }
            int open = defaultText.indexOf('`');
            int close = defaultText.indexOf('`', open + 1);
            return open < 0 || close < 0 ? defaultText : defaultText.substring(open + 1, close);
        }
    }

    public static final List<GatewayOption> OPTIONS = List.of(
            new GatewayOption("`HEADROOM_HOST`",
                    "quarkus.http.host",
                    "`127.0.0.1`",
                    "Interface to listen on. Use `0.0.0.0` only behind a trusted network: the gateway relays credentials."),
            new GatewayOption("`HEADROOM_PORT`",
                    "quarkus.http.port",
                    "`8787`",
                    "Port to listen on."),
            new GatewayOption("`HEADROOM_MODE` (or `HEADROOM_DEFAULT_MODE`)",
                    "quarkus.headroom.mode",
                    "`optimize`",
                    "`optimize` rewrites requests, `audit` only measures what would be saved, `passthrough` does nothing."),
            new GatewayOption("`HEADROOM_LOG_LEVEL`",
                    "quarkus.log.level",
                    "`INFO`",
                    "`DEBUG`, `INFO`, `WARN`, `ERROR`. Bodies and credentials are never logged at any level."),
            new GatewayOption("`OPENAI_TARGET_API_URL`",
                    "headroom.gateway.openai-target-url",
                    "`https://api.openai.com`",
                    "Upstream of `/v1/chat/completions` and `/v1/responses`."),
            new GatewayOption("`ANTHROPIC_TARGET_API_URL`",
                    "headroom.gateway.anthropic-target-url",
                    "`https://api.anthropic.com`",
                    "Upstream of `/v1/messages`."),
            new GatewayOption(null,
                    "headroom.gateway.connect-timeout",
                    "`10s`",
                    "Time to open a connection to the upstream."),
            new GatewayOption(null,
                    "headroom.gateway.idle-timeout",
                    "`10m`",
                    "How long the upstream may stay silent before the request fails with 502."),
            new GatewayOption(null,
                    "headroom.gateway.max-connections",
                    "`100`",
                    "Pooled connections per upstream."),
            new GatewayOption("`HEADROOM_RETRY_ENABLED`",
                    "headroom.gateway.retry.enabled",
                    "`true`",
                    "Retry upstream calls that could not connect or were answered 429, 529 or 5xx, before any answer byte reached the client ([endpoints](endpoints.md#upstream-retries)). `false`: one attempt."),
            new GatewayOption("`HEADROOM_RETRY_MAX_ATTEMPTS`",
                    "headroom.gateway.retry.max-attempts",
                    "`3`",
                    "Attempts in all, the first included (1-10), as the original's `--retry-max-attempts`."),
            new GatewayOption(null,
                    "headroom.gateway.retry.base-delay",
                    "`1s`",
                    "Backoff before the first retry; doubled for each further one, jittered to 50-150 %."),
            new GatewayOption(null,
                    "headroom.gateway.retry.max-delay",
                    "`30s`",
                    "Cap of one wait, also of the provider's `retry-after`."),
            new GatewayOption(null,
                    "headroom.gateway.retry.deadline",
                    "`60s`",
                    "No wait that would end later than this after the first attempt is taken; the answer in hand goes to the client."),
            new GatewayOption("`HEADROOM_WARM_UP`",
                    "headroom.gateway.warm-up",
                    "`10s`",
                    "Pipeline warm-up after a start before `GET /readyz` answers 200 ([endpoints](endpoints.md)); `0` turns it off."),
            new GatewayOption(null,
                    "quarkus.http.limits.max-body-size",
                    "`64M`",
                    "Largest request the gateway accepts (a larger declared `Content-Length`: 413 `payload_too_large`, JSON). `/v1/compress` admits bodies by `quarkus.headroom.max-body-size`, the limit of the proxied path."),
            new GatewayOption("`HEADROOM_SAVINGS_PATH`",
                    "headroom.savings.path",
                    "`~/.headroom/proxy_savings.json`",
                    "Durable savings file (see [metrics](metrics.md#durable-savings))."),
            new GatewayOption(null,
                    "headroom.savings.flush-interval",
                    "`60s`",
                    "How often the savings file is written when something changed (and always at shutdown); an unclean stop loses at most this much savings and spend."),
            new GatewayOption(null,
                    "headroom.savings.retention",
                    "`P90D`",
                    "How long hourly savings buckets are kept; lifetime totals are kept forever."),
            new GatewayOption(null,
                    "headroom.savings.max-tenants",
                    "`10000`",
                    "Tenants whose spend is kept per UTC day (in memory and in the savings file); past it, new callers share one `overflow` tenant's budget (see [budget](metrics.md#budget))."),
            new GatewayOption("`HEADROOM_BUDGET`",
                    "headroom.budget",
                    "unset (no limit)",
                    "Daily limit in USD; over it LLM requests get 429 `budget_exceeded`. Spend is booked from the provider's answer (see [budget](metrics.md#budget))."),
            new GatewayOption("`HEADROOM_TENANT_BUDGET`",
                    "headroom.tenant-budget",
                    "unset (no limit)",
                    "The same daily limit per caller (credential or tenant header; anonymous callers together are one); today's spend per caller survives a restart in the savings file."),
            new GatewayOption("`HEADROOM_MODEL_LIMITS`",
                    "headroom.pricing.model-limits",
                    "unset",
                    "Model prices (and limits) as JSON or a file path, the original's format; overrides the file below."),
            new GatewayOption(null,
                    "headroom.pricing.models-file",
                    "`~/.headroom/models.json`",
                    "Model file read when it exists."),
            new GatewayOption(null,
                    "headroom.admin.allow-remote",
                    "`false`",
                    "Let non-loopback callers use the operator endpoints (`/v1/retrieve*`, `/stats`, `/stats-history`, `/mcp`, `/metrics`). WARN at start-up when the gateway also listens beyond loopback."),
            new GatewayOption("`HEADROOM_OPEN_PATHS`",
                    "headroom.admin.open-paths",
                    "unset",
                    "Operator paths open to every caller (exactly those paths, comma-separated), e.g. `/v1/compress`. A path that is no operator endpoint stops the start."),
            new GatewayOption("`HEADROOM_PROXY_TOKEN`",
                    "headroom.proxy-token",
                    "unset",
                    "When set, non-loopback callers must send it (`Authorization: Bearer` or `x-headroom-proxy-token`) on every route but `/health`, `/healthz`, `/livez`, `/readyz`; else 401 in the provider's error shape. Never logged or forwarded. See [endpoints](endpoints.md#proxy-token-security-headers-and-cors)."),
            new GatewayOption("`HEADROOM_CORS_ORIGINS`",
                    "headroom.cors.allowed-origins",
                    "unset (no CORS)",
                    "Browser origins (comma-separated, or `*`) allowed to read the gateway's answers; preflights answered for them."),
            new GatewayOption("`HEADROOM_UPSTREAM_CHECK` (or `HEADROOM_SKIP_UPSTREAM_CHECK=1`)",
                    "headroom.health.upstream-check",
                    "`true`",
                    "`/readyz` and `/health` check that the Anthropic target answers a `HEAD` (5 s timeout, cached 30 s)."),
            new GatewayOption("`HEADROOM_ADMIN_TOKEN`",
                    "headroom.admin.token",
                    "unset",
                    "Opt-in token: a non-loopback caller sending it in `x-headroom-admin-token` may use those endpoints (any `Host`). Compared in constant time, never logged."),
            new GatewayOption(null,
                    "headroom.admin.allowed-hosts",
                    "unset",
                    "Host names, besides `localhost`, `127.0.0.1` and `[::1]`, the operator endpoints accept in `Host` (comma-separated)."),
            new GatewayOption(null,
                    "headroom.admin.allowed-origins",
                    "unset",
                    "Browser origins (e.g. `https://dash.internal`), besides loopback ones, the operator endpoints accept in `Origin`."),
            new GatewayOption("`HEADROOM_TRUSTED_PROXIES`",
                    "headroom.gateway.trusted-proxies",
                    "unset",
                    "Reverse proxies (IPs or CIDRs, e.g. `127.0.0.1,10.0.0.0/8`) whose forwarding header names the client. See [endpoints](endpoints.md#who-may-use-the-operator-endpoints)."),
            new GatewayOption(null,
                    "headroom.gateway.client-address-header",
                    "`X-Forwarded-For`",
                    "The one header those proxies record the client in: `X-Forwarded-For`, `Forwarded` or `X-Real-IP`."),
            new GatewayOption(null,
                    "headroom.mcp.max-sessions",
                    "`1000`",
                    "Open MCP sessions in total."),
            new GatewayOption(null,
                    "headroom.mcp.max-sessions-per-caller",
                    "`32`",
                    "Open MCP sessions per caller (credential; anonymous callers together are one); a caller's new session replaces its own least recently used."),
            new GatewayOption("`HEADROOM_TENANT_ISOLATION`",
                    "quarkus.headroom.tenant-isolation",
                    "`true` in the gateway",
                    "CCR originals are retrievable only with the credential (or tenant) they were stored for; see [reliability](reliability.md#security-credentials-and-tenant-isolation)."),
            new GatewayOption("`HEADROOM_CODE_COMPRESSION`",
                    "quarkus.headroom.code-compression.enabled",
                    "`true` in the gateway (core and extension default: `false`)",
                    "Compress code tool outputs (bodies, runs of generated look-alike definitions). Recent code (last 4 messages) and code the user asks to analyze / review / fix / debug are never compressed; originals stay retrievable from CCR."),
            new GatewayOption("`HEADROOM_IMAGE_OPTIMIZE`",
                    "quarkus.headroom.image.enabled",
                    "`true` in the gateway (core and extension default: `false`)",
                    "Send each image at the resolution its question needs (OpenAI `detail: \"low\"`, Anthropic/Gemini a smaller copy, a crop); originals stay retrievable from CCR. See [images](images.md)."),
            new GatewayOption(null,
                    "quarkus.headroom.tenant-header",
                    "unset",
                    "A header (e.g. `x-headroom-tenant`) whose value is the tenant instead of the credential. Only behind a proxy that sets it."),
            new GatewayOption(null,
                    "headroom.retrieve.max-rounds",
                    "`3`",
                    "Follow-up requests the gateway makes per client request when the model calls `headroom_retrieve` (the core's `retrieve.max-rounds`; `0` turns answering off)."),
            new GatewayOption(null,
                    "headroom.retrieve.timeout",
                    "`5m`",
                    "How long each of those follow-ups may stay silent."),
            new GatewayOption(null,
                    "headroom.retrieve.round-timeout",
                    "`2m`",
                    "How long each follow-up may take in all (the core's `retrieve.round-timeout-ms`)."),
            new GatewayOption(null,
                    "quarkus.micrometer.export.prometheus.path",
                    "`/metrics/micrometer`",
                    "Where Micrometer's own Prometheus/OpenMetrics scrape is served; `/metrics` is the gateway's exposition in the original's names ([metrics](metrics.md)).")
    );

    private GatewayOptions() {
    }

    /** The table with its markers, as it stands in the page. */
    public static String renderTable() {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        out.append("| Environment variable / property | Default | Meaning |\n");
        out.append("| --- | --- | --- |\n");
        for (GatewayOption o : OPTIONS) {
            out.append("| ");
            if (o.environment() != null) {
                out.append(o.environment()).append("<br>");
            }
            out.append('`').append(o.property()).append("` | ").append(o.defaultText()).append(" | ")
                    .append(o.meaning()).append(" |\n");
        }
        return out.append(END).append('\n').toString();
    }
}
