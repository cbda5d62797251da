package io.headroom.internal.cache;

/** A run of dynamic content in a text: {@code [start, end)}. */
record DynamicSpan(int start, int end) {
    DynamicSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty span " + start + ".." + end);
        }
    }
}
