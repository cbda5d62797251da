package io.headroom.corpus.run;

import java.util.ArrayList;
import java.util.List;

/**
 * What one case (or the streaming check) came to. Token figures come from {@code /v1/compress} (tokens before and
 * after; -1 when the case is not sent there, as for Anthropic and Responses requests) and from the gateway's
 * {@code x-headroom-tokens-saved} header (-1 when absent).
 */
public final class CaseResult {
    private final String name;
    private final List<String> failures = new ArrayList<>();
    long tokensBefore = -1;
    long tokensAfter = -1;
    long gatewayTokensSaved = -1;

    CaseResult(String name) {
        this.name = name;
    }

    void fail(String message) {
        failures.add(message);
    }

    public String name() {
        return name;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public boolean compressed() {
        return tokensBefore >= 0;
    }

    public long tokensBefore() {
        return tokensBefore;
    }

    public long tokensAfter() {
        return tokensAfter;
    }

    public long gatewayTokensSaved() {
        return gatewayTokensSaved;
    }

    public double savingsPercent() {
        return tokensBefore > 0 ? 100.0 * (tokensBefore - tokensAfter) / tokensBefore : 0;
    }
}
