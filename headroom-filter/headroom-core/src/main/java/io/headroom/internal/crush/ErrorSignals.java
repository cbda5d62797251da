package io.headroom.internal.crush;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises error and warning states in item text without regular expressions: this runs over every
 * string of every item, so it is a single case-insensitive character scan.
 */
final class ErrorSignals {

    private static final Set<String> LEVEL_KEYS = Set.of("level", "severity", "loglevel", "log_level", "lvl", "priority");
    private static final Set<String> ERROR_LEVELS = Set.of("error", "err", "fatal", "critical", "crit", "severe",
            "emergency", "emerg", "alert", "panic");
    private static final Set<String> WARN_LEVELS = Set.of("warn", "warning");
    private static final Set<String> STATUS_KEYS = Set.of("status", "status_code", "statuscode", "http_status", "httpstatus");
    private static final Set<String> SUCCESS_KEYS = Set.of("success", "ok", "succeeded", "passed");

    /** ASCII characters that can start an error keyword: e, f, c, t, d, p in either case. */
    private static final boolean[] KEYWORD_START = new boolean[128];

    static {
        for (char c : "efctdpEFCTDP".toCharArray()) KEYWORD_START[c] = true;
    }

    private ErrorSignals() {
    }

    /** Whether {@code s} contains error, exception, failed, failure, fatal, critical, timeout, denied or panic. */
    static boolean hasErrorKeyword(String s) {
        int len = s.length();
        for (int i = 0; i + 5 <= len; i++) {
            // the second character rules out most starts before the case-insensitive comparison
            char c = s.charAt(i);
            if (c < 128 && !KEYWORD_START[c]) continue; // ASCII that starts no keyword: most characters
            char next = s.charAt(i + 1);
            // c | 0x20 lower-cases exactly the ASCII letters that get this far
            switch (c < 128 ? (char) (c | 0x20) : Character.toLowerCase(c)) {
                case 'e' -> {
                    if ((may(next, 'r') && at(s, i, "error")) || (may(next, 'x') && at(s, i, "exception"))) return true;
                }
                case 'f' -> {
                    if (may(next, 'a') && (at(s, i, "failed") || at(s, i, "failure") || at(s, i, "fatal"))) return true;
                }
                case 'c' -> {
                    if (may(next, 'r') && at(s, i, "critical")) return true;
                }
                case 't' -> {
                    if (may(next, 'i') && at(s, i, "timeout")) return true;
                }
                case 'd' -> {
                    if (may(next, 'e') && at(s, i, "denied")) return true;
                }
                case 'p' -> {
                    if (may(next, 'a') && at(s, i, "panic")) return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Whether a free-text line (a string array item) reads like a warning. */
    static boolean hasWarningKeyword(String s) {
        int len = s.length();
        for (int i = 0; i + 4 <= len; i++) {
            if ((s.charAt(i) | 0x20) == 'w' && at(s, i, "warn")) return true;
        }
        return false;
    }

    /** What a field's (lower-cased) name says about the error state its value may carry. */
    enum FieldRole {
        /** The name contains "error" or "exception": any non-empty, non-false, non-zero value is an error. */
        ERROR_NAMED,
        /** A log level or severity: error levels are errors, "warn"/"warning" warnings. */
        LEVEL,
        /** An HTTP status: 5xx is an error, 4xx a warning. */
        STATUS,
        /** A success flag: false is an error. */
        SUCCESS,
        NONE;

        static FieldRole of(String lowerKey) {
            if (lowerKey.contains("error") || lowerKey.contains("exception")) return ERROR_NAMED;
            if (LEVEL_KEYS.contains(lowerKey)) return LEVEL;
            if (STATUS_KEYS.contains(lowerKey)) return STATUS;
            if (SUCCESS_KEYS.contains(lowerKey)) return SUCCESS;
            return NONE;
        }
    }

    /** Whether a field of the given role (see {@link FieldRole#of}) with this value marks the item as an error. */
    static boolean isErrorField(FieldRole role, com.fasterxml.jackson.databind.JsonNode value) {
        if (role == FieldRole.NONE || value.isNull() || value.isMissingNode()) return false;
        return switch (role) {
            case ERROR_NAMED -> {
                if (value.isBoolean()) yield value.booleanValue();
                if (value.isTextual()) yield !value.textValue().isBlank();
                if (value.isNumber()) yield value.doubleValue() != 0;
                yield value.size() > 0;
            }
            case LEVEL -> value.isTextual() && ERROR_LEVELS.contains(value.textValue().trim().toLowerCase(Locale.ROOT));
            case STATUS -> value.isIntegralNumber() && value.intValue() >= 500 && value.intValue() <= 599;
            case SUCCESS -> value.isBoolean() && !value.booleanValue();
            case NONE -> false;
        };
    }

    /** Whether a field of the given role with this value marks a warning (never true for an error-named one). */
    static boolean isWarningField(FieldRole role, com.fasterxml.jackson.databind.JsonNode value) {
        return switch (role) {
            case LEVEL -> value.isTextual() && WARN_LEVELS.contains(value.textValue().trim().toLowerCase(Locale.ROOT));
            case STATUS -> value.isIntegralNumber() && value.intValue() >= 400 && value.intValue() <= 499;
            default -> false;
        };
    }

    /**
     * Whether {@code c} can match the lower-case ASCII letter {@code lower} case-insensitively: exact for
     * ASCII; any other character is left to {@link String#regionMatches} (a dotless i matches "I" there).
     */
    private static boolean may(char c, char lower) {
        return c >= 128 || (c | 0x20) == lower;
    }

    /** {@code s.regionMatches(true, i, word, 0, word.length())} for a lower-case ASCII word, ASCII first. */
    private static boolean at(String s, int i, String word) {
        int len = word.length();
        if (i + len > s.length()) return false;
        for (int j = 0; j < len; j++) {
            char c = s.charAt(i + j);
            if (c >= 128) return s.regionMatches(true, i, word, 0, len); // Unicode case rules decide
            if ((c | 0x20) != word.charAt(j)) return false;
        }
        return true;
    }
}
