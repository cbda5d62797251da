package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrConfig;
import io.headroom.ConfigOption;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.headroom.LimitsConfig;
import io.headroom.quarkus.runtime.HeadroomRuntimeConfig;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code quarkus.headroom} mapping, read by reflection: it offers every core option under its own
 * property and restates none of their defaults (an unset key keeps the core's), so a default lives in
 * one place, the core slice's constant.
 */
class CoreOptionsMappingTest {
    /** Options of the Quarkus host itself, with no core counterpart: theirs are the only defaults here. */
    private static final Set<String> HOST_OPTIONS = Set.of("enabled", "tenant-isolation", "paths");
    /** Core options Quarkus types as a duration or a memory size, hence another name. */
    private static final Map<String, String> RENAMED = Map.of(
            CcrConfig.TTL_SECONDS, "ccr.ttl",
            LimitsConfig.MAX_BODY_BYTES, "max-body-size");

    @Test
    void noCoreOptionHasADefaultInTheMapping() {
        Map<String, Method> properties = properties();
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
        Set<String> properties = properties().keySet();
        Set<String> missing = new TreeSet<>();
        for (ConfigOption o : HeadroomConfig.OPTIONS) {
            if (o.name().equals(CrusherConfig.TOOL_PROFILES)) {
                continue; // the servlet's list of profile names: Quarkus finds them from the map keys
            }
            String name = RENAMED.getOrDefault(o.name(), o.name());
            if (!properties.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "core options without a quarkus.headroom property; mapping has " + properties);
    }

    /** Every leaf property of the mapping (without the prefix), map keys written {@code <tool>}. */
    private static Map<String, Method> properties() {
        Map<String, Method> out = new TreeMap<>();
        collect(HeadroomRuntimeConfig.class, "", out);
        return out;
    }

    private static void collect(Class<?> group, String prefix, Map<String, Method> out) {
        for (Method m : group.getMethods()) {
            if (m.getParameterCount() > 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = kebab(m.getName());
            Class<?> type = m.getReturnType();
            if (isGroup(type)) {
                collect(type, m.isAnnotationPresent(WithParentName.class) ? prefix : prefix + name + ".", out);
            } else if (Map.class.isAssignableFrom(type) && isGroup(valueType(m.getGenericReturnType()))) {
                collect(valueType(m.getGenericReturnType()), prefix + name + ".<tool>.", out);
            } else {
                out.put(prefix + name, m);
            }
        }
    }

    /** A config group: an interface of the extension's own (Optional, List, Map and enums are values). */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getPackageName().equals(HeadroomRuntimeConfig.class.getPackageName());
    }

    private static Class<?> valueType(Type mapType) {
        Type value = ((ParameterizedType) mapType).getActualTypeArguments()[1];
        return value instanceof Class<?> c ? c : Object.class;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
