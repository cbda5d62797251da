package io.headroom;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Per-tool compression settings, as the original project's {@code tool_profiles}: skip a tool's output
 * entirely, or give it its own {@code max-items-after-crush}. Part of {@link CrusherConfig}; its options
 * are read as {@code tool-profiles.<tool>.<option>}.
 *
 * @param skipCompression    the tool's output is never compressed
 * @param maxItemsAfterCrush the tool's own upper bound on kept items; empty: the global one
 */
public record ToolProfile(boolean skipCompression, OptionalInt maxItemsAfterCrush) {
    public static final String SKIP_COMPRESSION = "skip-compression";
    public static final String MAX_ITEMS_AFTER_CRUSH = CrusherConfig.MAX_ITEMS_AFTER_CRUSH;

    /** A profile that changes nothing: compressed like every other tool, with the global bound. */
    public static final ToolProfile DEFAULTS = new ToolProfile(false, OptionalInt.empty());

    /**
     * @throws InvalidConfigException naming {@code max-items-after-crush} when the bound is below 1 (readers
     *         that know the tool rename it with {@link InvalidConfigException#forOption})
     */
    public ToolProfile {
        Objects.requireNonNull(maxItemsAfterCrush, "maxItemsAfterCrush");
        if (maxItemsAfterCrush.isPresent()) {
            Checks.positive(MAX_ITEMS_AFTER_CRUSH, maxItemsAfterCrush.getAsInt());
        }
    }

    /** A profile that leaves the tool's output uncompressed. */
    public static ToolProfile skip() {
        return DEFAULTS.withSkipCompression(true);
    }

    /** A profile that compresses with its own item bound. */
    public static ToolProfile withMaxItems(int maxItemsAfterCrush) {
        return DEFAULTS.withMaxItemsAfterCrush(maxItemsAfterCrush);
    }

    public ToolProfile withSkipCompression(boolean skip) {
        return new ToolProfile(skip, maxItemsAfterCrush);
    }

    public ToolProfile withMaxItemsAfterCrush(int max) {
        return new ToolProfile(skipCompression, OptionalInt.of(max));
    }
}
