package io.headroom.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names a user asked about, taken from the query: what a search result must contain verbatim to be an exact hit. */
final class QueryTerms {
    private static final Set<String> QUESTION_WORDS = Set.of("where", "what", "which", "when", "why", "how", "who",
            "defined", "define", "definition", "declared", "used", "called", "find", "show", "does", "the", "and",
            "for", "this", "that", "with", "from", "into", "code", "file", "files", "function", "method", "class",
            "please", "look", "search", "grep", "all", "are", "can", "you", "get", "list", "there", "any", "its");

    private QueryTerms() {
    }

    /**
     * Identifier-like tokens of {@code query} (snake_case, camelCase, with digits, dotted, or quoted in
     * backticks); when there are none, its plain words of three letters or more that are not question words.
     */
    static List<String> identifiers(String query) {
        if (query == null || query.isBlank()) return List.of();
        Set<String> strong = new LinkedHashSet<>();
        Set<String> plain = new LinkedHashSet<>();
        int len = query.length();
        int i = 0;
        while (i < len) {
            char c = query.charAt(i);
            if (!(Character.isLetter(c) || c == '_' || c == '$')) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_'
                    || query.charAt(i) == '$' || (query.charAt(i) == '.' && i + 1 < len && Character.isLetter(query.charAt(i + 1))))) {
                i++;
            }
            String token = query.substring(start, i);
            if (isIdentifierLike(token)) {
                strong.add(token);
                int dot = token.lastIndexOf('.');
                if (dot > 0) strong.add(token.substring(dot + 1)); // "Ledger.reconcile" is defined as "reconcile"
            } else if (token.length() >= 3 && !QUESTION_WORDS.contains(token.toLowerCase(Locale.ROOT))) {
                plain.add(token);
            }
        }
        return new ArrayList<>(strong.isEmpty() ? plain : strong);
    }

    private static boolean isIdentifierLike(String t) {
        if (t.length() < 3) return false;
        if (t.indexOf('_') >= 0 || t.indexOf('.') > 0) return true;
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) return true;
            if (Character.isUpperCase(c) && Character.isLowerCase(t.charAt(i - 1))) return true; // camelCase
        }
        return false;
    }
}
