package io.headroom.quarkus.runtime.devui;

import io.headroom.Headroom;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Live data for the Headroom Dev UI card (dev mode only). Every public method is a JSON-RPC method
 * the card's web component calls, e.g. {@code this.jsonRpc.getStats()}.
 */
@Singleton
public class HeadroomJsonRpcService {
    private final Headroom headroom;
    private final RecentCompressions recent;

    public HeadroomJsonRpcService(Headroom headroom, RecentCompressions recent) {
        this.headroom = headroom;
        this.recent = recent;
    }

    /** Totals since the application (re)started. */
    public HeadroomDevUiStats getStats() {
        return HeadroomDevUiStats.of(headroom.config().mode().wireName(), headroom.stats());
    }

    /** The last compressions, newest first. */
    public List<CompressionRecord> getRecentCompressions() {
        return recent.newestFirst();
    }

    /** The card's live label, e.g. {@code 12,345 tokens saved}. */
    public String getTokensSavedLabel() {
        return String.format(java.util.Locale.ROOT, "%,d tokens saved", headroom.stats().tokensSaved());
    }
}
