package io.headroom.quarkus.runtime;

import io.headroom.core.HeadroomConfig;
import io.headroom.core.HeadroomException;
import io.quarkus.runtime.configuration.ConfigurationException;

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
            return HeadroomConfig.builder()
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
                    .maxBodyBytes(c.maxBodySize().asLongValue())
                    .build();
        } catch (IllegalArgumentException | HeadroomException e) {
            throw new ConfigurationException("Invalid Headroom configuration: " + PREFIX + quarkusKey(e.getMessage()), e);
        }
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
