package io.headroom.internal.text;

import java.util.regex.Pattern;

/**
 * Finds tokens a reader cannot reconstruct from context: identifiers, hashes, UUIDs, error codes (strong
 * anchors) and version numbers or quantities with units (weak anchors). Paragraphs holding them are kept
 * preferentially because dropping them loses facts, not just words.
 */
public final class AnchorDetector {

    /** How much a paragraph's anchors are worth keeping. */
    public enum Strength { NONE, WEAK, STRONG }

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX = Pattern.compile("(?:0x)?[0-9a-fA-F]{7,}");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z]{1,6}-?\\d{2,6}(?:-\\d+)?");
    private static final Pattern VERSION = Pattern.compile("[vV]?\\d+\\.\\d+(?:\\.\\d+)*(?:[-+][0-9A-Za-z.]+)?");
    private static final Pattern QUANTITY = Pattern.compile(
            "\\d+(?:[.,]\\d+)?\\s?(?:ms|µs|us|ns|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|"
                    + "[kKMGTP]i?B|[kKMGT]b|bytes?|%|px|em|rem|rps|qps|req/s|ops/s|Hz|[kMG]Hz|°C|°F|x)",
            Pattern.CASE_INSENSITIVE);

    private AnchorDetector() {
    }

    /** The strongest anchor found in {@code text}. */
    public static Strength strength(String text) {
        if (text == null || text.isEmpty()) return Strength.NONE;
        if (UUID.matcher(text).find()) return Strength.STRONG;
        boolean weak = QUANTITY.matcher(text).find();
        for (String raw : text.split("[\\s,;()\\[\\]{}<>\"'`]+")) {
            String token = trimPunctuation(raw);
            if (token.length() < 2) continue;
            if (isStrongToken(token)) return Strength.STRONG;
            if (!weak && VERSION.matcher(token).matches()) weak = true;
        }
        return weak ? Strength.WEAK : Strength.NONE;
    }

    static boolean isStrongToken(String token) {
        if (ERROR_CODE.matcher(token).matches()) return true;
        if (HEX.matcher(token).matches() && hasDigit(token) && hasLetter(token)) return true;
        return looksLikeIdentifier(token);
    }

    /**
     * Machine-made identifiers (API keys, request ids like {@code ord_8f3KQ2x}) mix character classes and
     * carry high per-character entropy; ordinary words and numbers do not.
     */
    static boolean looksLikeIdentifier(String token) {
        if (token.length() < 8 || VERSION.matcher(token).matches()) return false;
        int classes = 0;
        if (token.chars().anyMatch(Character::isUpperCase)) classes++;
        if (token.chars().anyMatch(Character::isLowerCase)) classes++;
        if (hasDigit(token)) classes++;
        return classes >= 2 && hasDigit(token) && shannonEntropy(token) >= 3.0;
    }

    static double shannonEntropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) counts[c]++; else other++;
        }
        double entropy = 0;
        double n = s.length();
        for (int count : counts) {
            if (count > 0) entropy -= (count / n) * (Math.log(count / n) / Math.log(2));
        }
        if (other > 0) entropy -= (other / n) * (Math.log(other / n) / Math.log(2));
        return entropy;
    }

    private static String trimPunctuation(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && !Character.isLetterOrDigit(s.charAt(from))) from++;
        while (to > from && !Character.isLetterOrDigit(s.charAt(to - 1))) to--;
        return s.substring(from, to);
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    private static boolean hasLetter(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }
}
