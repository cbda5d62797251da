package io.headroom.internal.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a hunk's change is. Mechanical changes — a version bump in a dependency manifest, an identifier renamed,
 * lines only reordered — get a {@link #key} that hunks doing the same thing elsewhere share, and a {@link #delta}
 * naming what changed ({@code 2.15.2 → 2.17.1}). A hunk that may change behaviour (a security-relevant word on a
 * changed line, a removed check, a changed literal in a code file) is {@link Kind#BEHAVIOUR} and is shown whole.
 *
 * @param key   equal for hunks of the same mechanical shape; empty for the other kinds
 * @param delta what a mechanical change replaced with what; empty when it is the lines' order
 */
record ChangeShape(Kind kind, String key, String delta) {

    enum Kind { VERSION_BUMP, RENAME, REORDER, BEHAVIOUR, ORDINARY }

    private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)+(?:[-+][0-9A-Za-z.]+)?");
    private static final Pattern DIGEST = Pattern.compile("sha\\d+-[A-Za-z0-9+/=]{16,}|\\b[0-9a-f]{7,64}\\b");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\b\\d+(?:\\.\\d+)?\\b");
    private static final String[] SECURITY_WORDS = {"auth", "permission", "role", "admin", "password", "passwd",
            "secret", "token", "csrf", "xsrf", "cors", "credential", "privilege", "sanitiz", "escape", "encrypt",
            "decrypt", "cipher", "tls", "ssl", "certificate", "verify", "signature", "jwt", "oauth", "session",
            "cookie", "login", "allowlist", "whitelist", "denylist", "blacklist", "firewall", "sudo",
            "exec(", "eval(", "unsafe", "insecure", "sql", "inject", "secure", "trust", "owner", "tenant"};
    private static final String[] CHECK_STARTS = {"if ", "if(", "elif ", "else if", "unless ", "guard ", "assert",
            "require(", "require ", "requires", "check", "verify", "ensure", "validate", "throw ", "raise ",
            "return false", "abort", "deny", "@preauthorize", "@postauthorize", "@secured", "@rolesallowed",
            "@login_required", "@permission_required", "@requires", "@valid", "@notnull", "@authenticated"};
    private static final String[] MANIFESTS = {"pom.xml", "package.json", "package-lock.json", "yarn.lock",
            "pnpm-lock.yaml", "build.gradle", "build.gradle.kts", "gradle.properties", "libs.versions.toml",
            "go.mod", "go.sum", "Cargo.toml", "Cargo.lock", "Gemfile", "Gemfile.lock", "pyproject.toml",
            "poetry.lock", "Pipfile", "Pipfile.lock", "composer.json", "composer.lock", "Chart.yaml",
            "Directory.Packages.props", "packages.config", "mix.exs", "mix.lock", "pubspec.yaml", "pubspec.lock"};
    private static final String[] CODE_EXTENSIONS = {".java", ".kt", ".kts", ".scala", ".groovy", ".py", ".js",
            ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".go", ".rb", ".rs", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs",
            ".php", ".swift", ".m", ".sh", ".sql", ".lua", ".ex", ".exs", ".dart", ".clj"};

    static ChangeShape of(String path, Hunk hunk) {
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String l : hunk.body()) {
            if (l.startsWith("-")) removed.add(l.substring(1).strip());
            else if (l.startsWith("+")) added.add(l.substring(1).strip());
        }
        if (removed.isEmpty() && added.isEmpty()) return ordinary();
        if (isManifest(path)) {
            ChangeShape bump = versionBump(path, removed, added);
            if (bump != null) return bump;
        }
        ChangeShape rename = rename(path, removed, added);
        if (rename != null) return rename;
        if (!removed.isEmpty() && sorted(removed).equals(sorted(added))) {
            return new ChangeShape(Kind.REORDER, "reorder:" + extension(path) + ":" + removed.size(), "");
        }
        if (changesBehaviour(path, removed, added)) return new ChangeShape(Kind.BEHAVIOUR, "", "");
        return ordinary();
    }

    private static ChangeShape ordinary() {
        return new ChangeShape(Kind.ORDINARY, "", "");
    }

    boolean mechanical() {
        return kind == Kind.VERSION_BUMP || kind == Kind.RENAME || kind == Kind.REORDER;
    }

    /** Pairwise the same lines once versions and digests are masked, and not the same lines as written. */
    private static ChangeShape versionBump(String path, List<String> removed, List<String> added) {
        if (removed.size() != added.size() || removed.equals(added)) return null;
        StringBuilder key = new StringBuilder("bump:").append(fileName(path));
        Set<String> deltas = new LinkedHashSet<>();
        for (int i = 0; i < removed.size(); i++) {
            String a = mask(removed.get(i));
            if (!a.equals(mask(added.get(i)))) return null;
            key.append('\n').append(a);
            String from = firstVersion(removed.get(i));
            String to = firstVersion(added.get(i));
            if (from != null && to != null && !from.equals(to)) deltas.add(from + " → " + to);
        }
        return new ChangeShape(Kind.VERSION_BUMP, key.toString(), String.join(", ", deltas));
    }

    /**
     * Pairwise lines that differ only in identifiers, the same replacements throughout, none of them a
     * security-relevant name: a rename, a moved package, an updated import.
     */
    private static ChangeShape rename(String path, List<String> removed, List<String> added) {
        if (removed.isEmpty() || removed.size() != added.size() || removed.equals(added)) return null;
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i < removed.size(); i++) {
            List<String> a = segments(removed.get(i));
            List<String> b = segments(added.get(i));
            if (a.size() != b.size()) return null;
            for (int s = 0; s < a.size(); s++) {
                String x = a.get(s);
                String y = b.get(s);
                if (x.equals(y)) continue;
                if (!isIdentifier(x) || !isIdentifier(y) || securityRelevant(x) || securityRelevant(y)) return null;
                pairs.add(x + " → " + y);
            }
        }
        if (pairs.isEmpty() || pairs.size() > 3) return null;
        String delta = String.join(", ", pairs);
        return new ChangeShape(Kind.RENAME, "rename:" + extension(path) + ":" + delta, delta);
    }

    static boolean changesBehaviour(String path, List<String> removed, List<String> added) {
        for (String l : removed) {
            if (securityRelevant(l) || (!added.contains(l) && isCheck(l))) return true;
        }
        for (String l : added) {
            if (securityRelevant(l)) return true;
        }
        return isCode(path) && !literals(removed).equals(literals(added));
    }

    static boolean securityRelevant(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : SECURITY_WORDS) {
            if (lower.contains(w)) return true;
        }
        return false;
    }

    private static boolean isCheck(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String s : CHECK_STARTS) {
            if (lower.startsWith(s)) return true;
        }
        return false;
    }

    private static List<String> literals(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = LITERAL.matcher(l);
            while (m.find()) out.add(m.group());
        }
        out.sort(null);
        return out;
    }

    private static String mask(String line) {
        return VERSION.matcher(DIGEST.matcher(line).replaceAll("<h>")).replaceAll("<v>");
    }

    private static String firstVersion(String line) {
        Matcher m = VERSION.matcher(line);
        return m.find() ? m.group() : null;
    }

    /** Alternating runs of identifier characters and of everything else. */
    private static List<String> segments(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            boolean word = Character.isJavaIdentifierPart(line.charAt(i));
            int j = i;
            while (j < line.length() && Character.isJavaIdentifierPart(line.charAt(j)) == word) j++;
            out.add(line.substring(i, j));
            i = j;
        }
        return out;
    }

    private static boolean isIdentifier(String s) {
        return !s.isEmpty() && Character.isJavaIdentifierStart(s.charAt(0));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    static boolean isManifest(String path) {
        String name = fileName(path);
        for (String m : MANIFESTS) {
            if (name.equals(m)) return true;
        }
        return name.endsWith(".lock") || name.endsWith(".csproj") || name.startsWith("requirements") && name.endsWith(".txt");
    }

    static boolean isCode(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String e : CODE_EXTENSIONS) {
            if (lower.endsWith(e)) return true;
        }
        return false;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
