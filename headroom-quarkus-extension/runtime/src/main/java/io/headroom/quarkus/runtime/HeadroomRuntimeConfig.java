package io.headroom.quarkus.runtime;

import io.headroom.ContextStrategy;
import io.headroom.Mode;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Headroom: compresses the tool outputs inside LLM API request bodies before the application's
 * handlers (Quarkus REST resources or Vert.x routes) read them.
 */
@ConfigMapping(prefix = "quarkus.headroom")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HeadroomRuntimeConfig {

    /**
     * Whether CCR originals are isolated per caller: an original stored while compressing one caller's
     * request can then be retrieved only with the same credential (or tenant), never by another caller
     * who knows its hash. The scope is a truncated SHA-256 of the {@code Authorization} bearer token or
     * {@code x-api-key} (never the key itself), or of the {@code tenant-header} value when configured.
     * Off by default in the extension, so applications that retrieve with {@code Headroom#retrieve(hash,
     * query)} keep working; such applications pass the caller's scope once they turn it on.
     */
    @WithDefault("false")
    boolean tenantIsolation();

    /**
     * A request header naming the tenant (e.g. {@code x-headroom-tenant}), used for the CCR scope instead
     * of the credential when present. Set it only when a trusted front proxy sets that header: any caller
     * can send it.
     */
    Optional<String> tenantHeader();

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

    /**
     * Threads that run the compression pipeline; requests beyond them wait their turn in arrival order.
     * Defaults to the number of processors: the pipeline is CPU-bound, so more threads only interleave
     * requests (each then finishes later) and keep more bodies in memory at once.
     */
    OptionalInt compressionThreads();

    /** Moves dynamic content out of the system prompt prefix so provider prompt caches hit. */
    CacheAligner cacheAligner();

    /** Anthropic prompt-cache breakpoints. */
    CacheControl cacheControl();

    /** Compression of source code in tool outputs. */
    CodeCompression codeCompression();

    /**
     * Whether the rows kept from uniform JSON object arrays are rendered as one column list plus value
     * rows instead of repeating every key in every row.
     */
    @WithDefault("false")
    boolean compactRows();

    /**
     * Per-tool settings, keyed by the tool (function) name as the model calls it, e.g.
     * {@code quarkus.headroom.tool-profiles.search_logs.skip-compression=true}. Quote names that contain
     * dots: {@code quarkus.headroom.tool-profiles."db.query".max-items-after-crush=30}.
     */
    @ConfigDocMapKey("tool-name")
    Map<String, ToolProfileConfig> toolProfiles();

    /** Context-window management for requests larger than the model's limit. */
    Context context();

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

        /**
         * Directory of a persistent CCR tier: originals then survive a restart. Unset keeps them on the
         * heap only.
         */
        Optional<Path> diskPath();

        /**
         * Size of the disk tier in megabytes (used only with {@code disk-path}); an original larger than
         * 1/16 of it is not stored, and therefore not compressed.
         */
        @WithDefault("512")
        long diskSizeMb();

        /**
         * Whether the {@code headroom_retrieve} tool is added to requests whose originals went to CCR, so
         * the model can ask for what was left out.
         */
        @WithDefault("true")
        boolean injectTool();
    }

    /** Cache-aligner options. */
    interface CacheAligner {

        /**
         * Whether dynamic content (dates, times, ids) is moved from the system prompt to its end so the
         * stable prefix stays byte-identical across requests.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Extra dynamic-content regular expressions beyond the built-in ones, comma-separated. When a
         * pattern contains a comma, give every pattern its own indexed key instead
         * ({@code quarkus.headroom.cache-aligner.patterns[0]=\\d{1,2}h}); indexed keys replace the
         * comma-separated value.
         */
        Optional<List<String>> patterns();
    }

    /** Anthropic {@code cache_control} options. */
    interface CacheControl {

        /** Whether Anthropic {@code cache_control} breakpoints are placed on the stable prefix. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Code-compression options. */
    interface CodeCompression {

        /**
         * Whether function bodies in source-code tool outputs are collapsed. Off by default: code is
         * usually read to be worked on.
         */
        @WithDefault("false")
        boolean enabled();
    }

    /** Settings of one tool. */
    interface ToolProfileConfig {

        /** Whether this tool's output is never compressed. */
        @WithDefault("false")
        boolean skipCompression();

        /** This tool's own upper bound on the items a compressed array keeps; unset uses the global one. */
        OptionalInt maxItemsAfterCrush();
    }

    /** Context-window management options. */
    interface Context {

        /**
         * How a request over its token budget is cut down: {@code intelligent} drops the least valuable
         * messages first, {@code rolling} the oldest, {@code off} never drops anything.
         */
        @WithDefault("intelligent")
        ContextStrategy strategy();

        /** Number of most recent user turns that are never dropped (the last one always stays). */
        @WithDefault("2")
        int keepLastTurns();

        /** Tokens reserved for the model's answer: the budget is the model's context limit minus this. */
        @WithDefault("4000")
        int outputBufferTokens();

        /**
         * Overflow, as a fraction of the budget, below which deeper tool-output compression is tried
         * before any message is dropped.
         */
        @WithDefault("0.1")
        double compressThreshold();

        /** Rate (lambda) of the exponential recency decay used to score messages. */
        @WithDefault("0.1")
        double recencyDecayRate();
    }
}
