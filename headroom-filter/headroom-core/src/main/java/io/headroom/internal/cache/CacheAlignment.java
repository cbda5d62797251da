package io.headroom.internal.cache;

import java.util.List;

/**
 * What {@link CacheAligner#align} did to one request.
 *
 * @param changed          true when the request tree was modified
 * @param movedSpans       dynamic spans moved out of the system content into its tail
 * @param breakpointsAdded Anthropic {@code cache_control} breakpoints added
 * @param transforms       {@code cache_aligner} when spans moved, {@code cache_control:<n>} when breakpoints were added
 */
public record CacheAlignment(boolean changed, int movedSpans, int breakpointsAdded, List<String> transforms) {
    public static final CacheAlignment NONE = new CacheAlignment(false, 0, 0, List.of());

    public CacheAlignment {
        transforms = List.copyOf(transforms);
    }
}
