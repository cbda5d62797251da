package io.headroom.internal.crush;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was worked out for each field name (or dotted path) of one array's items, found without hashing for
 * the common case. The items of an array list their fields in the same order, and Jackson hands out one string
 * per name (as {@link ItemFacts.Reader} does per path), so the entry met at the same position of the previous
 * item is tried first, by identity; only a different name at that position goes to the map. Not thread-safe:
 * one per array and pass.
 */
final class NameMemo<V> {
    private final Map<String, V> map;
    private final Function<String, V> create;
    private String[] lastNames = new String[16];
    private Object[] lastValues = new Object[16];

    NameMemo(Function<String, V> create) {
        this(new HashMap<>(), create);
    }

    /** @param map where the entries live (a {@link java.util.LinkedHashMap} keeps first-seen order) */
    NameMemo(Map<String, V> map, Function<String, V> create) {
        this.map = map;
        this.create = create;
    }

    /** The entry for {@code name}, met at {@code position} of the current item; created on first use. */
    @SuppressWarnings("unchecked")
    V get(int position, String name) {
        if (position >= lastNames.length) {
            lastNames = java.util.Arrays.copyOf(lastNames, 2 * position);
            lastValues = java.util.Arrays.copyOf(lastValues, 2 * position);
        }
        if (lastNames[position] == name) return (V) lastValues[position];
        V value = map.computeIfAbsent(name, create);
        lastNames[position] = name;
        lastValues[position] = value;
        return value;
    }

    /** Every entry, by name. */
    Map<String, V> entries() {
        return map;
    }
}
