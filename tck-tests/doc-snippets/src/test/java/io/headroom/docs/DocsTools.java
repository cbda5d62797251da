package io.headroom.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The external programs the site checks need: npm (to build the VitePress site) and Chromium (to read
 * it in a real browser). CI installs both and sets {@value #REQUIRED}; there a missing tool fails the
 * build. On a developer machine without them the site checks are skipped with a message saying why.
 */
final class DocsTools {
    /** Set (to anything) by .ci/run: the docs tools must be present. */
    static final String REQUIRED = "HEADROOM_DOCS_TOOLS_REQUIRED";

    private DocsTools() {
    }

    static Path npm() {
        return require("npm", List.of("/usr/bin/npm", "/usr/local/bin/npm"));
    }

    static Path chromium() {
        return require("chromium", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    }

    private static Path require(String name, List<String> candidates) {
        Optional<Path> found = onPath(name).or(() -> candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst());
        if (found.isPresent()) {
            return found.get();
        }
        String message = name + " is not installed: the docs site is not built and read in a browser here"
                + " (CI installs it: apt-get install -y chromium nodejs npm)";
        if (System.getenv(REQUIRED) != null) {
            throw new AssertionError(message + ", but " + REQUIRED + " is set");
        }
        Assumptions.abort(message);
        return null;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code command} in {@code dir}, output to {@code log}; fails with the log's tail unless it exits 0. */
    static void run(Path dir, Path log, long timeoutMinutes, String... command) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutMinutes + " min; see " + log);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }
}
