package io.headroom.docs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <!-- snippet: KIND key=value key="value with spaces" -->} comment that tells the checker how
 * to read the block after it (see {@link DocSnippetsTest} for the kinds). Markdown renderers hide it.
 *
 * @param kind       what the block is
 * @param attributes its settings, in written order
 */
record SnippetDirective(Kind kind, Map<String, String> attributes) {
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+)=(?:\"([^\"]*)\"|(\\S+))");
    private static final Map<Kind, Set<String>> ALLOWED = Map.of(
            Kind.UNIT, Set.of(),
            Kind.MEMBERS, Set.of("imports"),
            Kind.STATEMENTS, Set.of("imports", "params"),
            Kind.SKIP, Set.of("reason"));

    enum Kind {
        /** A whole compilation unit (imports and types): compiled as written. The default for Java. */
        UNIT,
        /** Fields and methods: compiled inside a class. */
        MEMBERS,
        /** Statements: compiled as the body of a method that may throw anything. */
        STATEMENTS,
        /** Not checked; needs a reason. */
        SKIP
    }

    static SnippetDirective parse(String body, String where) {
        String trimmed = body.strip();
        int space = trimmed.indexOf(' ');
        String kindName = space < 0 ? trimmed : trimmed.substring(0, space);
        Kind kind;
        try {
            kind = Kind.valueOf(kindName.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown snippet kind '" + kindName + "', expected one of "
                    + Arrays.toString(Kind.values()).toLowerCase());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(space < 0 ? "" : trimmed.substring(space + 1));
        int consumed = 0;
        String rest = space < 0 ? "" : trimmed.substring(space + 1);
        while (m.find()) {
            if (!rest.substring(consumed, m.start()).isBlank()) {
                throw new IllegalArgumentException(where + ": cannot read '" + rest.substring(consumed, m.start()).strip() + "'");
            }
            String key = m.group(1);
            if (!ALLOWED.get(kind).contains(key)) {
                throw new IllegalArgumentException(where + ": '" + key + "' is not a setting of snippet kind " + kindName
                        + " (allowed: " + ALLOWED.get(kind) + ")");
            }
            attributes.put(key, m.group(2) != null ? m.group(2) : m.group(3));
            consumed = m.end();
        }
        if (!rest.substring(consumed).isBlank()) {
            throw new IllegalArgumentException(where + ": cannot read '" + rest.substring(consumed).strip() + "'");
        }
        if (kind == Kind.SKIP && attributes.getOrDefault("reason", "").isBlank()) {
            throw new IllegalArgumentException(where + ": a skipped snippet needs reason=\"...\"");
        }
        return new SnippetDirective(kind, Map.copyOf(attributes));
    }

    /** The comma-separated values of a setting, trimmed; empty when it is absent. */
    List<String> list(String key) {
        String value = attributes.get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
