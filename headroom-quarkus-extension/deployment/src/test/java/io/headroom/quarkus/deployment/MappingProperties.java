package io.headroom.quarkus.deployment;

import io.headroom.BodyReadConfig;
import io.headroom.CcrConfig;
import io.headroom.LimitsConfig;
import io.headroom.quarkus.runtime.HeadroomRuntimeConfig;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The {@code quarkus.headroom} runtime mapping read by reflection, property by property. */
final class MappingProperties {
    /** Core options Quarkus types as a duration or a memory size, hence another name. */
    static final Map<String, String> RENAMED = Map.of(
            CcrConfig.TTL_SECONDS, "ccr.ttl",
            LimitsConfig.MAX_BODY_BYTES, "max-body-size",
            LimitsConfig.COMPRESSION_DEADLINE_MS, "compression-deadline",
            BodyReadConfig.BODY_READ_TIMEOUT_MS, "body-read-timeout",
            BodyReadConfig.MAX_BUFFERED_BODY_BYTES, "max-buffered-body-size");

    private MappingProperties() {
    }

    /** Every leaf property of the mapping (without the prefix), map keys written {@code <tool>}. */
    static Map<String, Method> all() {
        Map<String, Method> out = new TreeMap<>();
        collect(HeadroomRuntimeConfig.class, "", out);
        return out;
    }

    private static void collect(Class<?> group, String prefix, Map<String, Method> out) {
        for (Method m : group.getMethods()) {
            if (m.getParameterCount() > 0 || m.isDefault() || Modifier.isStatic(m.getModifiers())) {
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
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
