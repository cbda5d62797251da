package io.headroom.quarkus.runtime;

import io.headroom.core.Mode;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Headroom: compresses the tool outputs inside LLM API request bodies before the application's
 * handlers (Quarkus REST resources or Vert.x routes) read them.
 */
@ConfigMapping(prefix = "quarkus.headroom")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HeadroomRuntimeConfig {

    /**
     * Whether request bodies are intercepted at all. When false the route filter lets every request
     * through untouched; the {@code Headroom} bean stays available for explicit use.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * What to do with intercepted requests: {@code optimize} rewrites bodies, {@code audit} only
     * measures what would be saved and forwards the original, {@code passthrough} does nothing.
     * A request can override it with the {@code x-headroom-mode} header.
     */
    @WithDefault("optimize")
    Mode mode();

    /**
     * Request paths that are intercepted (POST only). A path matches when the request path equals it
     * or ends with it, so gateways mounted under a prefix are covered; it must address one of the
     * LLM APIs Headroom understands (OpenAI chat completions, Anthropic messages, OpenAI responses).
     */
    @WithDefault("/v1/chat/completions,/v1/messages,/v1/responses")
    List<String> paths();

    /** Tool outputs smaller than this many tokens are never compressed. */
    @WithDefault("200")
    int minTokensToCrush();

    /** JSON arrays with fewer items than this are left alone. */
    @WithDefault("5")
    int minItemsToAnalyze();

    /** Upper bound on the number of items a compressed JSON array keeps. */
    @WithDefault("15")
    int maxItemsAfterCrush();

    /** Number of leading array items that are always kept. */
    @WithDefault("3")
    int keepFirst();

    /** Number of trailing array items that are always kept. */
    @WithDefault("2")
    int keepLast();

    /** Minimum normalised BM25 score (0 to 1) for an item to be kept as relevant to the user's question. */
    @WithDefault("0.3")
    double relevanceThreshold();

    /** Numeric values further than this many standard deviations from the mean are kept as anomalies. */
    @WithDefault("2.0")
    double anomalyStdThreshold();

    /** Whether items that look like errors (error fields, ERROR/FATAL levels, failure statuses) are always kept. */
    @WithDefault("true")
    boolean preserveErrors();

    /** Compress-cache-retrieve store for the originals of compressed content. */
    Ccr ccr();

    /**
     * Largest request body that is buffered and compressed. Larger bodies are forwarded untouched,
     * and bodies that declare a larger {@code Content-Length} are not buffered at all.
     */
    @WithDefault("32M")
    MemorySize maxBodySize();

    /** Compress-cache-retrieve (CCR) options. */
    interface Ccr {

        /** Whether compressed originals are stored so they can be retrieved by hash. */
        @WithDefault("true")
        boolean enabled();

        /** How long a stored original stays retrievable. */
        @WithDefault("1H")
        Duration ttl();

        /** Maximum number of originals held; the least recently used are evicted first. */
        @WithDefault("10000")
        long maxEntries();
    }
}
