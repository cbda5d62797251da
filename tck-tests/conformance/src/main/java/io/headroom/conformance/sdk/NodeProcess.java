package io.headroom.conformance.sdk;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs node/npm commands for the SDK tests (gateway and library hosts): bounded in time, output captured, npm's cache kept under target/. */
public final class NodeProcess {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

    private NodeProcess() {
    }

    public record Result(int exitCode, String output) {
    }

    public static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    /** Fails the test (never skips it) when the tool is not installed: CI has Node.js 20 and npm. */
    public static void requireTool(String tool, Path dir) throws Exception {
        try {
            Result r = run(List.of(tool, "--version"), dir, Map.of(), Duration.ofSeconds(60));
            if (r.exitCode() != 0) {
                fail("'" + tool + " --version' exited with " + r.exitCode() + ": " + r.output());
            }
        } catch (IOException e) {
            fail("'" + tool + "' is not installed or not on the PATH; the SDK tests need"
                    + " Node.js >= 18 and npm (" + e.getMessage() + ")");
        }
    }

    public static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout) throws Exception {
        Path log = Files.createTempFile(dir, "process-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + read(log));
            }
            return new Result(p.exitValue(), read(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
