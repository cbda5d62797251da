package io.headroom.quarkus.runtime;

import io.headroom.CacheAlignerConfig;
import io.headroom.CcrConfig;
import io.headroom.CodeCompressionConfig;
import io.headroom.ImageConfig;
import io.headroom.LearningConfig;
import io.headroom.RetrieveConfig;
import io.headroom.ContextConfig;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.headroom.InvalidConfigException;
import io.headroom.BodyReadConfig;
import io.headroom.LimitsConfig;
import io.headroom.ToolProfile;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Map;

/**
 * Translates {@code quarkus.headroom.*} into the core's immutable {@link HeadroomConfig}, one group onto
 * one slice. Only the keys that are set reach the core's builders: the defaults are the core's, written
 * nowhere else.
 */
final class CoreConfigMapper {
    static final String PREFIX = "quarkus.headroom.";

    /** The core options Quarkus spells differently (a typed duration or memory size instead of a number). */
    private static final Map<String, String> QUARKUS_NAMES = Map.of(
            CcrConfig.TTL_SECONDS, "ccr.ttl",
            LimitsConfig.MAX_BODY_BYTES, "max-body-size",
            LimitsConfig.COMPRESSION_DEADLINE_MS, "compression-deadline");
    private static final Map<String, String> QUARKUS_UNITS = Map.of(
            CcrConfig.TTL_SECONDS, " (seconds)",
            LimitsConfig.MAX_BODY_BYTES, " (bytes)",
            LimitsConfig.COMPRESSION_DEADLINE_MS, " (milliseconds)");

    private CoreConfigMapper() {
    }

    /**
     * @throws ConfigurationException naming the offending {@code quarkus.headroom.*} property, so a
     *         misconfigured application fails at startup with an actionable message
     */
    static HeadroomConfig toCoreConfig(HeadroomRuntimeConfig c) {
        try {
            HeadroomConfig.Builder b = HeadroomConfig.builder()
                    .limits(limits(c.limits()))
                    .crusher(crusher(c.crusher()))
                    .ccr(ccr(c.ccr()))
                    .cacheAligner(cacheAligner(c.cacheAligner(), c.cacheControl()))
                    .codeCompression(codeCompression(c.codeCompression()))
                    .image(image(c.image()))
                    .context(context(c.context()))
                    .retrieve(retrieve(c.retrieve()))
                    .learning(learning(c.learning()));
            c.mode().ifPresent(b::mode);
            return b.build();
        } catch (InvalidConfigException e) {
            throw invalid(e);
        }
    }

    /** A core refusal of an option as a startup failure naming the Quarkus property. */
    static ConfigurationException invalid(InvalidConfigException refusal) {
        String option = refusal.option();
        return new ConfigurationException("Invalid Headroom configuration: " + PREFIX
                + QUARKUS_NAMES.getOrDefault(option, option) + ": " + refusal.detail()
                + QUARKUS_UNITS.getOrDefault(option, ""), refusal);
    }

    /** The hosts' body-reading options (not part of {@link HeadroomConfig}: the pipeline never reads them). */
    static BodyReadConfig bodyRead(BodyReadGroup g) {
        BodyReadConfig.Builder b = BodyReadConfig.builder();
        try {
            g.bodyReadTimeout().ifPresent(d -> b.bodyReadTimeoutMs(d.toMillis()));
            g.maxBufferedBodySize().ifPresent(size -> b.maxBufferedBodyBytes(size.asLongValue()));
        } catch (InvalidConfigException e) {
            throw new ConfigurationException("Invalid Headroom configuration: " + PREFIX
                    + (e.option().equals(BodyReadConfig.BODY_READ_TIMEOUT_MS) ? "body-read-timeout"
                    : "max-buffered-body-size") + ": " + e.detail(), e);
        }
        return b.build();
    }

    private static LimitsConfig limits(LimitsGroup g) {
        LimitsConfig.Builder b = LimitsConfig.builder();
        g.maxBodySize().ifPresent(size -> b.maxBodyBytes(size.asLongValue()));
        g.compressionDeadline().ifPresent(d -> b.compressionDeadlineMs(d.toMillis()));
        return b.build();
    }

    private static CrusherConfig crusher(CrusherGroup g) {
        CrusherConfig.Builder b = CrusherConfig.builder();
        g.minTokensToCrush().ifPresent(b::minTokensToCrush);
        g.minItemsToAnalyze().ifPresent(b::minItemsToAnalyze);
        g.maxItemsAfterCrush().ifPresent(b::maxItemsAfterCrush);
        g.keepFirst().ifPresent(b::keepFirst);
        g.keepLast().ifPresent(b::keepLast);
        g.relevanceThreshold().ifPresent(b::relevanceThreshold);
        g.anomalyStdThreshold().ifPresent(b::anomalyStdThreshold);
        g.preserveErrors().ifPresent(b::preserveErrors);
        g.compactRows().ifPresent(b::compactRows);
        g.toolProfiles().forEach((tool, profile) -> b.toolProfile(tool, toolProfile(tool, profile)));
        return b.build();
    }

    /** The core names an invalid profile bound after the global option; point at the profile's own key. */
    private static ToolProfile toolProfile(String tool, CrusherGroup.ToolProfileGroup g) {
        try {
            ToolProfile p = ToolProfile.DEFAULTS;
            if (g.skipCompression().isPresent()) {
                p = p.withSkipCompression(g.skipCompression().get());
            }
            if (g.maxItemsAfterCrush().isPresent()) {
                p = p.withMaxItemsAfterCrush(g.maxItemsAfterCrush().getAsInt());
            }
            return p;
        } catch (InvalidConfigException e) {
            throw e.forOption(CrusherConfig.toolProfileProperty(quoted(tool), e.option()));
        }
    }

    /** A map key with a dot is written quoted in a property name. */
    private static String quoted(String key) {
        return key.indexOf('.') >= 0 ? '"' + key + '"' : key;
    }

    private static CcrConfig ccr(CcrGroup g) {
        CcrConfig.Builder b = CcrConfig.builder();
        g.enabled().ifPresent(b::enabled);
        g.ttl().ifPresent(b::ttl);
        g.maxEntries().ifPresent(b::maxEntries);
        g.diskPath().ifPresent(b::diskPath);
        g.diskSizeMb().ifPresent(b::diskSizeMb);
        g.diskSync().ifPresent(b::diskSync);
        g.scopeMaxEntries().ifPresent(b::scopeMaxEntries);
        g.scopeMaxBytes().ifPresent(b::scopeMaxBytes);
        g.injectTool().ifPresent(b::injectTool);
        g.expansion().enabled().ifPresent(b::expansionEnabled);
        g.expansion().minScore().ifPresent(b::expansionMinScore);
        g.expansion().maxTokens().ifPresent(b::expansionMaxTokens);
        g.expansion().maxConversations().ifPresent(b::expansionMaxConversations);
        g.maxOriginalBytes().ifPresent(b::maxOriginalBytes);
        g.backend().ifPresent(b::backend);
        g.redis().url().ifPresent(b::redisUrl);
        g.redis().keyPrefix().ifPresent(b::redisKeyPrefix);
        g.redis().timeoutMs().ifPresent(b::redisTimeoutMs);
        g.redis().connectTimeoutMs().ifPresent(b::redisConnectTimeoutMs);
        g.redis().required().ifPresent(b::redisRequired);
        return b.build();
    }

    private static CacheAlignerConfig cacheAligner(CacheAlignerGroup aligner, CacheControlGroup cacheControl) {
        CacheAlignerConfig.Builder b = CacheAlignerConfig.builder();
        aligner.enabled().ifPresent(b::enabled);
        aligner.patterns().ifPresent(b::patterns);
        cacheControl.enabled().ifPresent(b::cacheControlEnabled);
        return b.build();
    }

    private static CodeCompressionConfig codeCompression(CodeCompressionGroup g) {
        CodeCompressionConfig.Builder b = CodeCompressionConfig.builder();
        g.enabled().ifPresent(b::enabled);
        return b.build();
    }

    private static ImageConfig image(ImageGroup g) {
        ImageConfig.Builder b = ImageConfig.builder();
        g.enabled().ifPresent(b::enabled);
        g.maxPixels().ifPresent(b::maxPixels);
        g.ocr().minConfidence().ifPresent(b::ocrMinConfidence);
        return b.build();
    }

    private static RetrieveConfig retrieve(RetrieveGroup g) {
        RetrieveConfig.Builder b = RetrieveConfig.builder();
        g.maxRounds().ifPresent(b::maxRounds);
        g.roundTimeoutMs().ifPresent(b::roundTimeoutMs);
        g.selfUri().ifPresent(b::selfUri);
        return b.build();
    }

    private static LearningConfig learning(LearningGroup g) {
        LearningConfig.Builder b = LearningConfig.builder();
        g.enabled().ifPresent(b::enabled);
        g.toin().confidenceThreshold().ifPresent(b::confidenceThreshold);
        g.toin().maxSignatures().ifPresent(b::maxSignatures);
        g.toin().path().ifPresent(b::path);
        g.toin().saveIntervalSeconds().ifPresent(b::saveIntervalSeconds);
        return b.build();
    }

    private static ContextConfig context(ContextGroup g) {
        ContextConfig.Builder b = ContextConfig.builder();
        g.strategy().ifPresent(b::strategy);
        g.keepLastTurns().ifPresent(b::keepLastTurns);
        g.outputBufferTokens().ifPresent(b::outputBufferTokens);
        g.compressThreshold().ifPresent(b::compressThreshold);
        g.recencyDecayRate().ifPresent(b::recencyDecayRate);
        return b.build();
    }
}
