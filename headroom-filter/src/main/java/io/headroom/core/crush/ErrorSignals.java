package io.headroom.core.crush;

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

    private ErrorSignals() {
    }

    /** Whether {@code s} contains error, exception, failed, failure, fatal, critical, timeout, denied or panic. */
    static boolean hasErrorKeyword(String s) {
        int len = s.length();
        for (int i = 0; i + 5 <= len; i++) {
            // the second character rules out most starts before the case-insensitive comparison
            char next = s.charAt(i + 1);
            switch (Character.toLowerCase(s.charAt(i))) {
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

    /** Whether an object field (by its key and scalar value text) marks the item as an error. */
    static boolean isErrorField(String key, String lowerKey, com.fasterxml.jackson.databind.JsonNode value) {
        if (value.isNull() || value.isMissingNode()) return false;
        if (lowerKey.contains("error") || lowerKey.contains("exception")) {
            if (value.isBoolean()) return value.booleanValue();
            if (value.isTextual()) return !value.textValue().isBlank();
            if (value.isNumber()) return value.doubleValue() != 0;
            return value.size() > 0;
        }
        if (LEVEL_KEYS.contains(lowerKey) && value.isTextual()) {
            return ERROR_LEVELS.contains(value.textValue().trim().toLowerCase(Locale.ROOT));
        }
        if (STATUS_KEYS.contains(lowerKey) && value.isIntegralNumber()) {
            int code = value.intValue();
            return code >= 500 && code <= 599;
        }
        if (SUCCESS_KEYS.contains(lowerKey) && value.isBoolean()) {
            return !value.booleanValue();
        }
        return false;
    }

    static boolean isWarningField(String lowerKey, com.fasterxml.jackson.databind.JsonNode value) {
        if (LEVEL_KEYS.contains(lowerKey) && value.isTextual()) {
            return WARN_LEVELS.contains(value.textValue().trim().toLowerCase(Locale.ROOT));
        }
        if (STATUS_KEYS.contains(lowerKey) && value.isIntegralNumber()) {
            int code = value.intValue();
            return code >= 400 && code <= 499;
        }
        return false;
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
