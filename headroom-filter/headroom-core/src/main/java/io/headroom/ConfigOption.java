package io.headroom;

import java.util.Objects;

/**
 * One configuration option as the configuration reference lists it. Every slice of {@link HeadroomConfig}
 * exposes its options as {@code OPTIONS} (e.g. {@link CrusherConfig#OPTIONS}); {@link HeadroomConfig#OPTIONS}
 * lists them all.
 *
 * @param name         the property name, as servlet init-params spell it (Quarkus prefixes it with
 *                     {@code quarkus.headroom.})
 * @param type         the value's type as a reader would write it ({@code int}, {@code boolean}, a list of
 *                     choices, ...)
 * @param defaultValue the default as it would be written in a property, {@code ""} when the option is unset
 *                     by default
 * @param description  one sentence saying what the option does
 */
public record ConfigOption(String name, String type, String defaultValue, String description) {

    public ConfigOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }
}
