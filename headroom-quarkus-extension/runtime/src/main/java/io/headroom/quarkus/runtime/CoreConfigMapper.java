package io.headroom.quarkus.runtime;

import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.ToolProfile;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;

/** Translates {@code quarkus.headroom.*} into the core's immutable {@link HeadroomConfig}. */
final class CoreConfigMapper {
    static final String PREFIX = "quarkus.headroom.";

    private CoreConfigMapper() {
    }

    /**
     * @throws ConfigurationException naming the offending {@code quarkus.headroom.*} property, so a
     *         misconfigured application fails at startup with an actionable message
     */
    static HeadroomConfig toCoreConfig(HeadroomRuntimeConfig c) {
        try {
            HeadroomConfig.Builder b = HeadroomConfig.builder()
                    .mode(c.mode())
                    .minTokensToCrush(c.minTokensToCrush())
                    .minItemsToAnalyze(c.minItemsToAnalyze())
                    .maxItemsAfterCrush(c.maxItemsAfterCrush())
                    .keepFirst(c.keepFirst())
                    .keepLast(c.keepLast())
                    .relevanceThreshold(c.relevanceThreshold())
                    .anomalyStdThreshold(c.anomalyStdThreshold())
                    .preserveErrors(c.preserveErrors())
                    .ccrEnabled(c.ccr().enabled())
                    .ccrTtl(c.ccr().ttl())
                    .ccrMaxEntries(c.ccr().maxEntries())
                    .ccrDiskPath(c.ccr().diskPath().orElse(null))
                    .ccrDiskSizeMb(c.ccr().diskSizeMb())
                    .ccrInjectTool(c.ccr().injectTool())
                    .maxBodyBytes(c.maxBodySize().asLongValue())
                    .cacheAlignerEnabled(c.cacheAligner().enabled())
                    .cacheAlignerPatterns(c.cacheAligner().patterns().orElse(List.of()))
                    .cacheControlEnabled(c.cacheControl().enabled())
                    .codeCompressionEnabled(c.codeCompression().enabled())
                    .compactRows(c.compactRows())
                    .contextStrategy(c.context().strategy())
                    .contextKeepLastTurns(c.context().keepLastTurns())
                    .contextOutputBufferTokens(c.context().outputBufferTokens())
                    .contextCompressThreshold(c.context().compressThreshold())
                    .contextRecencyDecayRate(c.context().recencyDecayRate());
            c.toolProfiles().forEach((tool, profile) -> b.toolProfile(tool, toolProfile(tool, profile)));
            return b.build();
        } catch (IllegalArgumentException | HeadroomException e) {
            throw invalid(e);
        }
    }

    /** A core rejection of an option (its message starts with the option name) as a startup failure naming the property. */
    static ConfigurationException invalid(RuntimeException coreRejection) {
        return new ConfigurationException(
                "Invalid Headroom configuration: " + PREFIX + quarkusKey(coreRejection.getMessage()), coreRejection);
    }

    /** The core names an invalid profile bound after the global option; point at the profile's own key. */
    private static ToolProfile toolProfile(String tool, HeadroomRuntimeConfig.ToolProfileConfig p) {
        try {
            return new ToolProfile(p.skipCompression(), p.maxItemsAfterCrush());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    HeadroomConfig.TOOL_PROFILES + "." + quoted(tool) + "." + e.getMessage(), e);
        }
    }

    /** A map key with a dot is written quoted in a property name. */
    private static String quoted(String key) {
        return key.indexOf('.') >= 0 ? '"' + key + '"' : key;
    }

    /** The core names two options after their servlet init-params; point at the Quarkus property instead. */
    private static String quarkusKey(String coreMessage) {
        String m = String.valueOf(coreMessage);
        if (m.startsWith(HeadroomConfig.CCR_TTL_SECONDS)) {
            return "ccr.ttl" + m.substring(HeadroomConfig.CCR_TTL_SECONDS.length()) + " (seconds)";
        }
        if (m.startsWith(HeadroomConfig.MAX_BODY_BYTES)) {
            return "max-body-size" + m.substring(HeadroomConfig.MAX_BODY_BYTES.length()) + " (bytes)";
        }
        return m;
    }
}
