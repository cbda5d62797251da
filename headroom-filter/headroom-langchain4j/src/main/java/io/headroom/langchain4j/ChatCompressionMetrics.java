package io.headroom.langchain4j;

import java.time.Duration;
import java.util.List;

/**
 * What Headroom did to the messages of one {@link HeadroomChatModel} call.
 *
 * @param tokensBefore          tokens of the messages as the caller built them
 * @param tokensAfter           tokens of the messages sent to the model (would-be, in audit mode)
 * @param transforms            one {@code router:<type>:<ratio>} entry per compressed tool output
 * @param ccrHashes             CCR keys under which the original tool outputs can be retrieved
 * @param toolResultsCompressed how many tool results compression shortened (sent shortened only when applied)
 * @param applied               true when the model got the compressed messages (optimize mode)
 * @param failedOpen            true when compression failed and the original messages were sent
 * @param elapsed               time spent compressing
 */
public record ChatCompressionMetrics(int tokensBefore, int tokensAfter, List<String> transforms, List<String> ccrHashes,
                                     int toolResultsCompressed, boolean applied, boolean failedOpen, Duration elapsed) {

    public ChatCompressionMetrics {
        transforms = List.copyOf(transforms);
        ccrHashes = List.copyOf(ccrHashes);
    }

    /** Tokens the model was spared; 0 unless the compressed messages were sent. */
    public int tokensSaved() {
        return applied ? Math.max(0, tokensBefore - tokensAfter) : 0;
    }

    /** Percentage of tokens saved, 0 to 100. */
    public double savingsPercent() {
        return tokensBefore == 0 ? 0.0 : 100.0 * tokensSaved() / tokensBefore;
    }

    static ChatCompressionMetrics untouched(boolean failedOpen, Duration elapsed) {
        return new ChatCompressionMetrics(0, 0, List.of(), List.of(), 0, false, failedOpen, elapsed);
    }
}
