package io.headroom.internal.ccr;

import io.headroom.CcrEntry;
import io.headroom.CcrStore;
import io.headroom.host.HeadroomLog;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place where an original goes to CCR before its hash may reach the model. Every path that emits a
 * retrieval marker or a dropped-turn note with a hash (the pipeline's tool outputs, the context stage's deeper
 * compression and its drop archive) asks {@link #stored} first and emits the hash only on {@code true};
 * on {@code false} the content stays as it was sent (or its note carries no hash).
 *
 * <p>A refusal is any of: the original is larger than {@code ccr.max-original-bytes}, the store answered
 * false (quota, full, unreachable), or the store threw (a plugged-in store with a bug, a closed store, a
 * network store mid-outage). A throwing store must not cost the whole request its compression, so the
 * exception is caught here and logged once per run of failures, without request content.
 */
public final class StoreThenMark {
    private static final HeadroomLog LOG = HeadroomLog.of(StoreThenMark.class);

    private final CcrStore store;
    private final long maxOriginalBytes;
    /** True while the store's puts throw: the WARN is logged on the first failure only, INFO on recovery. */
    private final AtomicBoolean failing = new AtomicBoolean();

    /** @param maxOriginalBytes originals larger than this (UTF-8) are never offered to the store */
    public StoreThenMark(CcrStore store, long maxOriginalBytes) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxOriginalBytes < 1) throw new IllegalArgumentException("maxOriginalBytes must be >= 1");
        this.maxOriginalBytes = maxOriginalBytes;
    }

    /**
     * Stores {@code entry} under (scope, hash).
     *
     * @return true only when the store confirmed it holds the original: the caller may hand out the hash
     */
    public boolean stored(String scope, String hash, CcrEntry entry) {
        if (!fits(entry.original())) return false;
        boolean held;
        try {
            held = store.put(scope, hash, entry);
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Headroom's CCR store failed to store an original ({}): content stays uncompressed "
                        + "until it stores again", e.getClass().getName());
            }
            return false;
        }
        if (failing.compareAndSet(true, false)) {
            LOG.info("Headroom's CCR store stores originals again");
        }
        return held;
    }

    /** Within {@code ccr.max-original-bytes}; the exact UTF-8 length is computed only near the bound. */
    private boolean fits(String original) {
        long chars = original.length();
        if (chars > maxOriginalBytes) return false; // every char is at least one byte
        if (chars * 3 <= maxOriginalBytes) return true; // a char is at most three UTF-8 bytes
        return original.getBytes(StandardCharsets.UTF_8).length <= maxOriginalBytes;
    }
}
