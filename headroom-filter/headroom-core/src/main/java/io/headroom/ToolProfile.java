package io.headroom;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Per-tool compression settings, as the original project's {@code tool_profiles}: skip a tool's output
 * entirely, or give it its own {@code max-items-after-crush}.
 *
 * @param skipCompression    the tool's output is never compressed
 * @param maxItemsAfterCrush the tool's own upper bound on kept items; empty: the global one
 */
public record ToolProfile(boolean skipCompression, OptionalInt maxItemsAfterCrush) {

    public ToolProfile {
        Objects.requireNonNull(maxItemsAfterCrush, "maxItemsAfterCrush");
        if (maxItemsAfterCrush.isPresent() && maxItemsAfterCrush.getAsInt() <= 0) {
            throw new IllegalArgumentException(HeadroomConfig.MAX_ITEMS_AFTER_CRUSH + ": "
                    + maxItemsAfterCrush.getAsInt() + " must be > 0");
        }
    }

    /** A profile that leaves the tool's output uncompressed. */
    public static ToolProfile skip() {
        return new ToolProfile(true, OptionalInt.empty());
    }

    /** A profile that compresses with its own item bound. */
    public static ToolProfile withMaxItems(int maxItemsAfterCrush) {
        return new ToolProfile(false, OptionalInt.of(maxItemsAfterCrush));
    }
}
