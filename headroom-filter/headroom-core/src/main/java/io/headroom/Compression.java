package io.headroom;

import java.time.Duration;
import java.util.List;

/**
 * The result of {@link HeadroomCompressor#compress}: the body to send upstream and what Headroom did.
 *
 * @param endpoint     the request shape the body was read as
 * @param body         bytes to forward; the very input array when nothing changed
 * @param compressed   true when {@code body} differs from the input
 * @param tokensBefore tokens of the original request (0 when it was not analysed)
 * @param tokensAfter  tokens of the forwarded (optimize) or would-be (audit) request
 * @param transforms   one {@code router:<type>:<ratio>} entry per compressed tool output
 * @param ccrHashes    CCR keys under which the originals of compressed content can be retrieved
 * @param failedOpen   true when an internal error made Headroom return the original body
 * @param elapsed      wall time spent in Headroom
 */
public record Compression(Endpoint endpoint, byte[] body, boolean compressed, int tokensBefore, int tokensAfter,
                          List<String> transforms, List<String> ccrHashes, boolean failedOpen, Duration elapsed) {

    public Compression {
        transforms = List.copyOf(transforms);
        ccrHashes = List.copyOf(ccrHashes);
    }

    /** Tokens removed from the forwarded body; 0 unless it was actually rewritten (audit reports none). */
    public int tokensSaved() {
        return compressed ? Math.max(0, tokensBefore - tokensAfter) : 0;
    }

    /** Fraction of tokens saved, 0.0 to 1.0. */
    public double savingsRatio() {
        return tokensBefore == 0 ? 0.0 : (double) tokensSaved() / tokensBefore;
    }
}
