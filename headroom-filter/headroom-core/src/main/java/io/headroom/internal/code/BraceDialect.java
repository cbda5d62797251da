package io.headroom.internal.code;

import java.util.regex.Pattern;

/** The lexical rules of a brace language that matter for finding code braces: strings, chars, comments. */
enum BraceDialect {
    /** C, C++, C#, Kotlin, Swift, Scala and Java when JavaParser is not used: 'c' is a char literal. */
    C_LIKE(false, false, false, false, false),
    /** JavaScript / TypeScript: '...' strings, `...${}` templates, regex literals. */
    JS(true, true, false, false, true),
    /** Go: `raw` strings without escapes, 'r' runes. */
    GO(false, false, true, false, false),
    /** Rust: 'a lifetimes besides 'c' chars, nested block comments, r#"raw"# strings. */
    RUST(false, false, false, true, false),
    /** PHP: '...' strings and # comments. */
    PHP(true, false, false, false, false);

    final boolean singleQuoteStrings;
    final boolean templates;
    final boolean rawBackticks;
    final boolean rust;
    final boolean regexLiterals;

    BraceDialect(boolean singleQuoteStrings, boolean templates, boolean rawBackticks, boolean rust,
                 boolean regexLiterals) {
        this.singleQuoteStrings = singleQuoteStrings;
        this.templates = templates;
        this.rawBackticks = rawBackticks;
        this.rust = rust;
        this.regexLiterals = regexLiterals;
    }

    private static final Pattern GO_SIGNAL = Pattern.compile("(?m)^package\\s+\\w+\\s*$|\\bfunc\\s+(\\([^)]*\\)\\s*)?\\w+\\s*\\(");
    private static final Pattern RUST_SIGNAL = Pattern.compile("\\bfn\\s+\\w+\\s*[<(]|\\blet\\s+mut\\b|\\bimpl\\b|\\buse\\s+\\w+::");
    private static final Pattern PHP_SIGNAL = Pattern.compile("<\\?php");
    private static final Pattern JS_SIGNAL = Pattern.compile(
            "\\bfunction\\b|=>|\\bconst\\s+\\w+\\s*=|\\blet\\s+\\w+\\s*=|\\bexport\\s|\\brequire\\(|\\bconsole\\.|\\bimport\\s.*\\bfrom\\s+['\"]");

    static BraceDialect detect(String source) {
        if (PHP_SIGNAL.matcher(source).find()) return PHP;
        if (GO_SIGNAL.matcher(source).find() && !source.contains("#include")) return GO;
        if (RUST_SIGNAL.matcher(source).find()) return RUST;
        if (JS_SIGNAL.matcher(source).find() && !source.contains("#include")) return JS;
        return C_LIKE;
    }
}
