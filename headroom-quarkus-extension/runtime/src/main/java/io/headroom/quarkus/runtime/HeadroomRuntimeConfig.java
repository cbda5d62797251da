package io.headroom.quarkus.runtime;

import io.headroom.Mode;
import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Headroom: compresses the tool outputs inside LLM API request bodies before the application's
 * handlers (Quarkus REST resources or Vert.x routes) read them.
 *
 * <p>The compression options map onto the core's config slices ({@code io.headroom.HeadroomConfig}) one
 * group per slice, and carry no defaults of their own: an unset key keeps the core's default, so each
 * default is written once, in the core. The {@code @ConfigDocDefault} annotations only show those defaults
 * in the generated config reference; a deployment test fails when one no longer equals the core's.
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
    @ConfigDocDefault("optimize")
    Optional<Mode> mode();

    /**
     * Request paths that are intercepted (POST only). A path matches when the request path equals it
     * or ends with it, so gateways mounted under a prefix are covered; it must address one of the
     * LLM APIs Headroom understands (OpenAI chat completions, Anthropic messages, OpenAI responses).
     */
    @WithDefault("/v1/chat/completions,/v1/messages,/v1/responses")
    List<String> paths();

    /** Compression of tool outputs: size threshold, JSON array item selection, tool profiles. */
    @WithParentName
    CrusherGroup crusher();

    /** Compress-cache-retrieve store for the originals of compressed content. */
    CcrGroup ccr();

    /** Request size limit. */
    @WithParentName
    LimitsGroup limits();

    /** Read timeout and the budget of request bodies held at once. */
    @WithParentName
    BodyReadGroup bodyRead();

    /**
     * Threads that run the compression pipeline; requests beyond them wait their turn in arrival order.
     * Defaults to the number of processors: the pipeline is CPU-bound, so more threads only interleave
     * requests (each then finishes later) and keep more bodies in memory at once.
     */
    OptionalInt compressionThreads();

    /** Moves dynamic content out of the system prompt prefix so provider prompt caches hit. */
    CacheAlignerGroup cacheAligner();

    /** Anthropic prompt-cache breakpoints. */
    CacheControlGroup cacheControl();

    /** Compression of source code in tool outputs. */
    CodeCompressionGroup codeCompression();

    /** Images in requests: counted per provider, and sent at the resolution their question needs. */
    ImageGroup image();

    /** Context-window management for requests larger than the model's limit. */
    ContextGroup context();

    /** The retrieve loop: answering the model's headroom_retrieve calls on the response side. */
    RetrieveGroup retrieve();

    /** Learning from the model's retrievals (TOIN): feedback, learned patterns, their persistence. */
    LearningGroup learning();

    /** The optional stats endpoint: Headroom's numbers, to callers on this machine only. */
    StatsGroup stats();
}
