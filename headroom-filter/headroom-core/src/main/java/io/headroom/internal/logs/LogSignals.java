package io.headroom.internal.logs;

import io.headroom.internal.content.TextLines;

/**
 * What one line of build / test / application output is: scans with {@code indexOf} / {@code startsWith},
 * no regex, because the detector runs this over thousands of lines per tool output.
 */
public final class LogSignals {

    public enum Severity { NONE, WARNING, ERROR }

    private static final String[] ERROR_WORDS = {"ERROR", "FAILED", "FAILURE", "FATAL", "CRITICAL", "SEVERE", "FAIL", "PANIC"};
    private static final String[] ERROR_FRAGMENTS = {"Exception", "Error:", "error:", "error[", "npm ERR!",
            "Traceback (most recent call last)", "panicked at", "AssertionError", "assert ", "Caused by:",
            "Execution failed", "Build failed", "build failed"};
    private static final String[] WARNING_WORDS = {"WARN", "WARNING"};
    private static final String[] WARNING_FRAGMENTS = {"warning:", "Warning:", "npm WARN", "Warning ", "DeprecationWarning"};
    private static final String[] LEVEL_WORDS = {"INFO", "DEBUG", "TRACE", "NOTICE"};
    private static final String[] SUMMARY_FRAGMENTS = {"short test summary info", "BUILD SUCCESS", "BUILD FAILURE",
            "BUILD FAILED", "Tests run:", "Total time:", "test result:", "Test Suites:", "Tests:", "Finished ",
            "FAILURES", "ERRORS", "Reactor Summary", "passing (", "failing", "Ran ", "packages in", "What went wrong",
            "tests completed", "actionable task"};
    private static final String[] STRONG_MARKERS = {"test session starts", "short test summary info", "BUILD SUCCESS",
            "BUILD FAILURE", "BUILD FAILED", "Tests run:", "[INFO]", "[ERROR]", "> Task :", "npm ERR!", "Traceback (most recent",
            "test result:", "error[E", "Reactor Summary", "::test_", "Test Suites:"};

    /** Boilerplate that build tools print on every run, wherever it appears: no news for the reader. */
    private static final String[] BOILERPLATE_PREFIXES = {"Scanning for projects", "T E S T S", "Finished at:",
            "-> [Help ", "[Help ", "To see the full stack trace of the errors", "Re-run Maven using the -X switch",
            "For more information about the errors and possible solutions", "After correcting the problems, you can resume",
            "Using auto detected provider", "Starting a Gradle Daemon", "> Configure project", "* Try:",
            "> Run with --", "> Get more help at", "Run with --stacktrace", "Run with --info", "Run with --scan",
            "Get more help at", "Reactor Build Order:", "Please refer to ", "mvn <args> -rf ", "Building jar: ", "Installing ",
            "Copying ", "Recompiling the module", "Nothing to compile", "No sources to compile", "skip non existing resourceDirectory"};
    /** Stack frames of the JDK, reflection, test runners and build tools, which say nothing about the bug. */
    private static final String[] FRAMEWORK_FRAMES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.",
            "junit.", "org.opentest4j.", "org.apache.maven.", "org.gradle.", "worker.org.gradle.", "org.testng.",
            "kotlin.", "kotlinx.coroutines.", "scala.", "org.mockito.", "net.bytebuddy.", "org.assertj.core.",
            "org.hamcrest.", "node:", "internal/"};

    private LogSignals() {
    }

    /** The text of a line after a leading {@code [INFO]} / {@code [ERROR]} style level tag. */
    static String withoutLevelTag(String line) {
        String t = line.strip();
        if (t.startsWith("[") && t.indexOf(']') > 1 && t.indexOf(']') < 12) {
            String tag = t.substring(1, t.indexOf(']'));
            if (!tag.isEmpty() && tag.chars().allMatch(Character::isUpperCase)) return t.substring(t.indexOf(']') + 1).strip();
        }
        return t;
    }

    /** Empty once the level tag is gone: {@code [INFO] }, {@code [ERROR] }. */
    public static boolean isBlankish(String line) {
        return withoutLevelTag(line).isEmpty();
    }

    /**
     * Fixed build-tool chrome: Maven's mojo headers ({@code --- surefire:3.2.5:test (default-test) @ app ---}),
     * module and packaging banners, bare rules, help footers; Gradle's daemon and "Try" hints.
     */
    public static boolean isBoilerplate(String line) {
        String t = withoutLevelTag(line);
        if (t.isEmpty()) return true;
        for (String p : BOILERPLATE_PREFIXES) {
            if (t.startsWith(p)) return true;
        }
        if (t.startsWith("Compiling ") && t.contains(" source file")) return true; // Maven's compiler, not cargo's crates
        if (t.startsWith("Changes detected - recompiling")) return true;
        if (t.length() >= 3 && t.startsWith("---")) {
            if (t.contains(" @ ") && t.endsWith("---")) return true; // mojo header
            if (t.contains("---< ") || t.contains("---[ ")) return true; // module / packaging banner
            return t.chars().allMatch(c -> c == '-'); // bare rule
        }
        return false;
    }

    /** A frame of the JDK, reflection, a test runner or a build tool (Java / Kotlin / Node). */
    public static boolean isFrameworkFrame(String line) {
        String t = line.strip();
        if (!t.startsWith("at ")) return false;
        String target = t.substring(3).strip();
        int paren = target.indexOf('(');
        String method = paren > 0 ? target.substring(0, paren) : target;
        // "java.base/java.util.ArrayList.forEach", "app//org.junit..." : the module or loader prefix goes
        int slash = method.lastIndexOf('/');
        if (slash >= 0 && !method.startsWith("node:") && !method.startsWith("internal/")) {
            String module = method.substring(0, slash);
            if (module.startsWith("java.") || module.startsWith("jdk.")) return true;
            method = method.substring(slash + 1);
        }
        if (paren > 0 && (target.contains("(node:") || target.contains("/node_modules/"))) return true;
        for (String f : FRAMEWORK_FRAMES) {
            if (method.startsWith(f)) return true;
        }
        return false;
    }

    /**
     * A coarse shape of a line: its first two words with digits normalised, plus its word count. Lines that
     * share a shape with others (request logs, per-fixture debug lines, {@code Running X}) are routine.
     */
    public static String shape(String line) {
        String t = TextLines.normalizeNumbers(line.strip());
        int words = 0;
        int secondEnd = -1;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            boolean ws = Character.isWhitespace(t.charAt(i));
            if (!ws && !inWord) words++;
            if (ws && inWord && words == 2) secondEnd = i;
            inWord = !ws;
        }
        String head = secondEnd > 0 ? t.substring(0, secondEnd) : t;
        return head + '|' + words;
    }

    public static Severity severity(String line) {
        for (String w : ERROR_WORDS) {
            if (line.contains(w) && TextLines.containsWord(line, w)) return Severity.ERROR;
        }
        for (String f : ERROR_FRAGMENTS) {
            if (line.contains(f)) return Severity.ERROR;
        }
        if (isPytestErrorLine(line)) return Severity.ERROR;
        for (String w : WARNING_WORDS) {
            if (line.contains(w) && TextLines.containsWord(line, w)) return Severity.WARNING;
        }
        for (String f : WARNING_FRAGMENTS) {
            if (line.contains(f)) return Severity.WARNING;
        }
        return Severity.NONE;
    }

    /** pytest's {@code E   assert ...} and {@code >   failing_call()} lines of a failure report. */
    static boolean isPytestErrorLine(String line) {
        // pytest pads these markers with several spaces, which tells "E   x" from prose and ">" from Gradle's "> Task"
        return line.length() > 3 && (line.charAt(0) == 'E' || line.charAt(0) == '>')
                && line.charAt(1) == ' ' && line.charAt(2) == ' ' && !line.isBlank();
    }

    /** A frame or link of a stack trace (Java, JavaScript, Python, .NET). */
    public static boolean isStackFrame(String line) {
        String t = line.strip();
        if (t.startsWith("at ") && t.indexOf('(') > 0 && t.endsWith(")")) return true;
        if (t.startsWith("at ") && t.indexOf(':') > 0 && line.length() > t.length()) return true; // node: "    at file.js:1:2"
        if (t.startsWith("File \"") && t.contains("\", line ")) return true;
        if (t.startsWith("...") && t.endsWith(" more")) return true;
        return t.startsWith("Caused by:") || t.startsWith("Suppressed:")
                || t.startsWith("During handling of the above exception")
                || t.startsWith("The above exception was the direct cause");
    }

    /** The first line of a stack trace: a Python traceback header or an exception class with a message. */
    public static boolean isTraceStart(String line) {
        String t = line.strip();
        if (t.startsWith("Traceback (most recent call last)")) return true;
        if (t.startsWith("Exception in thread ")) return true;
        int colon = t.indexOf(':');
        String head = colon > 0 ? t.substring(0, colon) : t;
        return head.indexOf(' ') < 0 && head.indexOf('.') > 0 && (head.endsWith("Exception") || head.endsWith("Error"));
    }

    /** Totals and verdicts: pytest / Maven / Gradle / cargo / npm / jest summaries. */
    public static boolean isSummary(String line) {
        if (isPassedSuite(line)) return false; // one test class's clean result, not the run's totals
        for (String f : SUMMARY_FRAGMENTS) {
            if (line.contains(f) && (!"Ran ".equals(f) || line.strip().startsWith("Ran "))) return true;
        }
        // "==== 2 failed, 1498 passed in 41.27s ====", "3 passed, 1 skipped", "12 tests, 0 failures"
        return countedWord(line, "passed") || countedWord(line, "failed") || countedWord(line, "failures")
                || countedWord(line, "errors") || countedWord(line, "skipped");
    }

    /** {@code word} right after a number and a space, as in totals: "1498 passed". */
    private static boolean countedWord(String line, String word) {
        for (int i = line.indexOf(" " + word); i > 0; i = line.indexOf(" " + word, i + 1)) {
            char before = line.charAt(i - 1);
            int end = i + 1 + word.length();
            if (before >= '0' && before <= '9' && (end == line.length() || !TextLines.isWordChar(line.charAt(end)))) return true;
        }
        return false;
    }

    /**
     * A titled separator: {@code ==== FAILURES ====}, {@code ____ test_x ____}, {@code [INFO] --- plugin ---}.
     * Bare rules without a title are not headers: builds print dozens of them.
     */
    public static boolean isSectionHeader(String line) {
        String t = line.strip();
        if (t.startsWith("[") && t.indexOf(']') > 0) t = t.substring(t.indexOf(']') + 1).strip();
        if (t.length() < 7) return false;
        char c = t.charAt(0);
        if (c != '=' && c != '-' && c != '_' && c != '#' && c != '*') return false;
        if (t.charAt(1) != c || t.charAt(2) != c || t.charAt(t.length() - 1) != c) return false;
        for (int i = 0; i < t.length(); i++) {
            char x = t.charAt(i);
            if (x != c && x != ' ') return true; // it has a title
        }
        return false;
    }

    /**
     * A label for lines that carry no news when repeated (successes, downloads, progress), or null. Runs of
     * such lines collapse into one count.
     */
    public static String repetitiveKind(String line) {
        String t = line.strip();
        if (t.isEmpty()) return "blank";
        if (TextLines.containsWord(t, "PASSED")) return "PASSED";
        if (isPassedSuite(t)) return "passed";
        if (t.startsWith("[INFO]") && (t.contains(" SUCCESS [") || t.endsWith(" SKIPPED"))) {
            return t.endsWith(" SKIPPED") ? "SKIPPED" : "SUCCESS"; // reactor summary rows
        }
        if (t.endsWith(" ok") || t.endsWith("... ok") || t.equals("ok")) return "ok";
        if (t.startsWith("\u2713") || t.startsWith("\u2714") || t.startsWith("PASS ")) return "passed";
        if (t.contains("Download")) return "Download";
        if (t.startsWith("Compiling ") || t.startsWith("Checking ")) return "Compiling";
        if (t.startsWith("> Task ")) return "> Task";
        if (isProgress(t)) return "progress";
        if (isReactorOrderRow(t)) return "module";
        return null;
    }

    /** Surefire's per-class line {@code Tests run: 8, Failures: 0, Errors: 0, ... Time elapsed: 1.1 s -- in X}. */
    static boolean isPassedSuite(String line) {
        return line.contains("Tests run:") && line.contains("Failures: 0, Errors: 0") && line.contains("Time elapsed");
    }

    /** Maven's {@code [INFO] ledger-core                 [jar]} rows of the reactor build order. */
    private static boolean isReactorOrderRow(String t) {
        String s = withoutLevelTag(t);
        int open = s.lastIndexOf("  [");
        if (open <= 0 || !s.endsWith("]")) return false;
        String packaging = s.substring(open + 3, s.length() - 1);
        return !packaging.isEmpty() && packaging.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '-');
    }

    /** pytest's {@code ....F..s. [ 42%]} or a bare run of dots. */
    private static boolean isProgress(String t) {
        int dots = 0;
        int i = 0;
        while (i < t.length() && "._sxFEX".indexOf(t.charAt(i)) >= 0) {
            if (t.charAt(i) == '.') dots++;
            i++;
        }
        if (dots < 3) return false;
        String rest = t.substring(i).strip();
        return rest.isEmpty() || (rest.startsWith("[") && rest.endsWith("%]"));
    }

    /** The log level word of a plain application log line (INFO, DEBUG ...), or null. */
    public static String level(String line) {
        int limit = Math.min(line.length(), 80);
        String head = line.substring(0, limit);
        for (String w : LEVEL_WORDS) {
            if (head.contains(w) && TextLines.containsWord(head, w)) return w;
        }
        return null;
    }

    /** A build-tool or test-runner marker that makes the whole text a log even if most lines are not. */
    public static boolean isStrongMarker(String line) {
        for (String m : STRONG_MARKERS) {
            if (line.contains(m)) return true;
        }
        return false;
    }

    /** Starts with a date ({@code 2024-05-01}) or a time of day ({@code 10:42:07}), possibly in brackets. */
    public static boolean hasTimestamp(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && (line.charAt(i) == '[' || line.charAt(i) == ' ')) i++;
        if (matchesDigits(line, i, "dddd-dd-dd") || matchesDigits(line, i, "dddd/dd/dd")) return true;
        return matchesDigits(line, i, "dd:dd:dd");
    }

    private static boolean matchesDigits(String s, int from, String shape) {
        if (s.length() < from + shape.length()) return false;
        for (int k = 0; k < shape.length(); k++) {
            char c = s.charAt(from + k);
            char want = shape.charAt(k);
            if (want == 'd' ? (c < '0' || c > '9') : c != want) return false;
        }
        return true;
    }

    /** Any sign that a line was printed by a logger, build tool or test runner. */
    public static boolean isLogLine(String line) {
        if (line.isBlank()) return false;
        return severity(line) != Severity.NONE || isStackFrame(line) || isTraceStart(line) || isSummary(line)
                || isSectionHeader(line) || repetitiveKind(line) != null || level(line) != null
                || hasTimestamp(line) || isStrongMarker(line);
    }
}
