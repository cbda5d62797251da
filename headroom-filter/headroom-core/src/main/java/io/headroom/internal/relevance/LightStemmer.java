package io.headroom.internal.relevance;

/**
 * A deliberately light English suffix stemmer: just enough that inflected and derived forms of the same
 * word meet ("tokens"/"token", "validates"/"validator"/"validation"/"validated" -> "valid").
 * It only has to be consistent between documents and queries, not linguistically exact.
 */
final class LightStemmer {

    /** Derivational suffixes, longest first; stripped when at least {@link #MIN_STEM} characters remain. */
    private static final String[] SUFFIXES = {
            "izations", "ization", "ations", "ation", "ators", "ator", "ating", "ated", "ates", "ate",
            "ments", "ment", "ness", "ings", "ing", "ers", "er", "ed", "ures", "ure", "ly", "e"
    };
    private static final int MIN_STEM = 3;

    private LightStemmer() {
    }

    static String stem(String word) {
        if (word.length() <= MIN_STEM) return word;
        // Codes and quantities ("5662ms", "e2987") are identifiers, not words.
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) return word;
        }
        String w = plural(word);
        for (String suffix : SUFFIXES) {
            if (w.length() - suffix.length() >= MIN_STEM && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    private static String plural(String w) {
        int n = w.length();
        if (w.endsWith("sses")) return w.substring(0, n - 2);
        if (w.endsWith("ies") && n > 4) return w.substring(0, n - 3) + "y";
        if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("zes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && n > MIN_STEM + 1) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
