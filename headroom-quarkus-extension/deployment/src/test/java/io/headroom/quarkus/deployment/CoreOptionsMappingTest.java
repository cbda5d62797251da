package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.ConfigOption;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code quarkus.headroom} mapping, read by reflection: it offers every core option under its own
 * property and restates none of their defaults (an unset key keeps the core's), so a default lives in
 * one place, the core slice's constant.
 */
class CoreOptionsMappingTest {
    /** Options of the Quarkus host itself, with no core counterpart: theirs are the only defaults here. */
    private static final Set<String> HOST_OPTIONS = Set.of("enabled", "tenant-isolation", "paths",
            "retrieve.answered-by-application", "stats.enabled", "stats.path");

    @Test
    void noCoreOptionHasADefaultInTheMapping() {
        Map<String, Method> properties = MappingProperties.all();
        Set<String> withDefault = new TreeSet<>();
        properties.forEach((name, m) -> {
            if (m.isAnnotationPresent(WithDefault.class)) {
                withDefault.add(name);
            }
        });
        assertTrue(HOST_OPTIONS.containsAll(withDefault), "defaults restated in the mapping: " + withDefault);
    }

    @Test
    void everyCoreOptionHasAProperty() {
        Set<String> properties = MappingProperties.all().keySet();
        Set<String> missing = new TreeSet<>();
        for (ConfigOption o : HeadroomConfig.OPTIONS) {
            if (o.name().equals(CrusherConfig.TOOL_PROFILES)) {
                continue; // the servlet's list of profile names: Quarkus finds them from the map keys
            }
            String name = MappingProperties.RENAMED.getOrDefault(o.name(), o.name());
            if (!properties.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "core options without a quarkus.headroom property; mapping has " + properties);
    }
}
