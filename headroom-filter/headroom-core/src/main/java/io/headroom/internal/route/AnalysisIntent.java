package io.headroom.internal.route;

import java.util.regex.Pattern;

/**
 * Whether the user's latest message asks to work on code (analyze, review, explain, fix, debug): then code
 * in the conversation is never compressed (seed: limitations.md, protect_analysis_context).
 */
public final class AnalysisIntent {
    private static final Pattern KEYWORDS = Pattern.compile("\\b(analy[sz]e|review|explain|fix|debug)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AnalysisIntent() {
    }

    public static boolean in(String latestUserMessage) {
        return latestUserMessage != null && KEYWORDS.matcher(latestUserMessage).find();
    }
}
