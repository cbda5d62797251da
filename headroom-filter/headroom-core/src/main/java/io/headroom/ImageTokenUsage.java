package io.headroom;

import java.util.List;

/**
 * Images handled one way, with their tokens: per request ({@link RequestOutcome#images()}) or since start
 * ({@link StatsSnapshot#images()}).
 *
 * @param technique    {@code full_low}, {@code preserve}, {@code crop}, {@code transcode} (the query router's
 *                     techniques), {@code unread} (not an image Headroom can read: counted by the default size, sent
 *                     as it came) or {@code disabled} (image compression off: counted, sent as it came)
 * @param images       how many images
 * @param tokensBefore what they cost as the client sent them
 * @param tokensAfter  what they cost as forwarded
 */
public record ImageTokenUsage(String technique, long images, long tokensBefore, long tokensAfter) {

    public long tokensSaved() {
        return Math.max(0, tokensBefore - tokensAfter);
    }

    /** Before and after summed over {@code usage}: {@code [before, after]}. */
    public static long[] totals(List<ImageTokenUsage> usage) {
        long before = 0;
        long after = 0;
        for (ImageTokenUsage u : usage) {
            before += u.tokensBefore;
            after += u.tokensAfter;
        }
        return new long[] {before, after};
    }
}
