package io.headroom.quarkus.runtime.devui;

import io.headroom.StatsSnapshot;

/**
 * The totals the Dev UI card shows, since the application (re)started.
 *
 * @param mode               the configured mode ({@code optimize}, {@code audit} or {@code passthrough})
 * @param requests           LLM requests Headroom handled
 * @param compressedRequests requests whose body was rewritten
 * @param failedOpen         requests forwarded unchanged because of an internal error
 * @param tokensBefore       tokens of the analysed requests as sent by the clients
 * @param tokensAfter        tokens of those requests as forwarded
 * @param tokensSaved        {@code tokensBefore - tokensAfter}
 * @param savedPercent       tokens saved as a percentage of {@code tokensBefore}, one decimal
 * @param ccrEntries         originals the CCR store currently holds
 */
public record HeadroomDevUiStats(String mode, long requests, long compressedRequests, long failedOpen,
                                 long tokensBefore, long tokensAfter, long tokensSaved, double savedPercent,
                                 long ccrEntries) {

    static HeadroomDevUiStats of(String mode, StatsSnapshot s) {
        double percent = s.tokensBefore() == 0 ? 0.0 : Math.round(s.tokensSaved() * 1000.0 / s.tokensBefore()) / 10.0;
        return new HeadroomDevUiStats(mode, s.requestsTotal(), s.requestsCompressed(), s.requestsFailedOpen(),
                s.tokensBefore(), s.tokensAfter(), s.tokensSaved(), percent, s.ccrEntries());
    }
}
