package io.headroom;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The options of one config slice, each declared once: its documentation ({@link ConfigOption}), how a
 * property value is parsed onto the slice's builder and how the slice writes it back. Parse errors name
 * the option; range errors come from the builder's setter, which names it too.
 *
 * @param <C> the slice
 * @param <B> its builder
 */
final class PropertyTable<C, B> {
    private final List<Row<C, B>> rows = new ArrayList<>();

    private record Row<C, B>(ConfigOption option, BiConsumer<B, String> read, Function<C, String> write) {
    }

    PropertyTable<C, B> integer(String name, int defaultValue, String description,
                                ObjIntConsumer<B> set, ToIntFunction<C> get) {
        return row(new ConfigOption(name, "int", String.valueOf(defaultValue), description),
                (b, v) -> set.accept(b, parseInt(name, v)), c -> String.valueOf(get.applyAsInt(c)));
    }

    PropertyTable<C, B> longValue(String name, long defaultValue, String description,
                                  ObjLongConsumer<B> set, ToLongFunction<C> get) {
        return row(new ConfigOption(name, "long", String.valueOf(defaultValue), description),
                (b, v) -> set.accept(b, parseLong(name, v)), c -> String.valueOf(get.applyAsLong(c)));
    }

    PropertyTable<C, B> decimal(String name, double defaultValue, String description,
                                ObjDoubleConsumer<B> set, ToDoubleFunction<C> get) {
        return row(new ConfigOption(name, "double", String.valueOf(defaultValue), description),
                (b, v) -> set.accept(b, parseDouble(name, v)), c -> String.valueOf(get.applyAsDouble(c)));
    }

    PropertyTable<C, B> bool(String name, boolean defaultValue, String description,
                             BiConsumer<B, Boolean> set, Function<C, Boolean> get) {
        return row(new ConfigOption(name, "boolean", String.valueOf(defaultValue), description),
                (b, v) -> set.accept(b, parseBoolean(name, v)), c -> String.valueOf(get.apply(c)));
    }

    /**
     * Any other type.
     *
     * @param read  parses a (trimmed, non-blank) value and sets it, throwing {@link InvalidConfigException}
     * @param write the value as a property, or null when it is unset
     */
    PropertyTable<C, B> row(ConfigOption option, BiConsumer<B, String> read, Function<C, String> write) {
        rows.add(new Row<>(option, read, write));
        return this;
    }

    List<ConfigOption> options() {
        return rows.stream().map(Row::option).toList();
    }

    /**
     * Sets every option {@code lookup} has a non-blank value for; the others keep the builder's value.
     *
     * @return {@code builder}
     */
    B read(Function<String, String> lookup, B builder) {
        for (Row<C, B> r : rows) {
            String v = value(lookup, r.option().name());
            if (v != null) {
                r.read().accept(builder, v);
            }
        }
        return builder;
    }

    /** Every option of {@code config} that has a value, in declaration order (a map the caller may add to). */
    Map<String, String> write(C config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row<C, B> r : rows) {
            String v = r.write().apply(config);
            if (v != null) {
                out.put(r.option().name(), v);
            }
        }
        return out;
    }

    /** The trimmed value of {@code key}, or null when it is absent or blank. */
    static String value(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static int parseInt(String option, String v) {
        long n = parseLong(option, v);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new InvalidConfigException(option, "'" + v + "' is too large");
        }
        return (int) n;
    }

    static long parseLong(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(option, "'" + v + "' is not a whole number", e);
        }
    }

    static double parseDouble(String option, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(option, "'" + v + "' is not a number", e);
        }
    }

    static boolean parseBoolean(String option, String v) {
        if ("true".equalsIgnoreCase(v)) return true;
        if ("false".equalsIgnoreCase(v)) return false;
        throw new InvalidConfigException(option, "'" + v + "' is not true or false");
    }

    static Path parsePath(String option, String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new InvalidConfigException(option, "'" + v + "' is not a valid path", e);
        }
    }

    /** Parses with {@code parser}, reporting its IllegalArgumentException as a refusal of {@code option}. */
    static <T> T parse(String option, String v, Function<String, T> parser) {
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(option, e.getMessage(), e);
        }
    }
}
