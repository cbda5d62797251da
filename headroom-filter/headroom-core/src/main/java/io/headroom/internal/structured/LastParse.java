package io.headroom.internal.structured;

import java.lang.ref.SoftReference;

/**
 * Hands the parse the detector made of a tool output to the compressor that the router calls next, on the same
 * thread and with the same string, so a document is not parsed twice. Keyed by identity: an equal but other
 * string, or any other thread, misses and parses itself. One entry per thread, taken (cleared) on use, and held
 * softly so that an entry nobody takes (the detector used on its own) never holds memory the heap needs.
 *
 * @param <T> the parse result
 */
final class LastParse<T> {
    private record Entry<T>(String content, T parsed) {
    }

    private final ThreadLocal<SoftReference<Entry<T>>> last = new ThreadLocal<>();

    void remember(String content, T parsed) {
        last.set(new SoftReference<>(new Entry<>(content, parsed)));
    }

    /** The parse remembered for this very string on this thread, or null; either way the entry is cleared. */
    T take(String content) {
        SoftReference<Entry<T>> ref = last.get();
        if (ref == null) return null;
        last.remove();
        Entry<T> e = ref.get();
        return e != null && e.content() == content ? e.parsed() : null;
    }
}
