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
    /** Every technique name, in report order. */
    public static final List<String> TECHNIQUES =
            List.of("full_low", "preserve", "crop", "transcode", "unread", "disabled");

    /** The entry for {@code technique} in {@code usage}, or an empty one. */
    public static ImageTokenUsage of(List<ImageTokenUsage> usage, String technique) {
        for (ImageTokenUsage u : usage) {
            if (u.technique.equals(technique)) {
                return u;
            }
        }
        return new ImageTokenUsage(technique, 0, 0, 0);
    }

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
