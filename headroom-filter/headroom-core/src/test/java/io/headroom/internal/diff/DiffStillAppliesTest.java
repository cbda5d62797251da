package io.headroom.internal.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compressed diff checked by the real {@code git}: a repository holds the pre-image, {@code git diff} writes
 * the patch, and the compressed patch must pass {@code git apply --check} against the pre-image (and {@code -R}
 * against the post-image); when only context was trimmed, applying it must give the post-image byte for byte.
 */
class DiffStillAppliesTest {
    private static final CompressionContext CCR = new CompressionContext(null, "00112233445566778899aabb", "git_diff", 0,
            false);

    @TempDir
    Path repo;

    @BeforeAll
    static void gitIsInstalled() {
        assumeTrue(runs("git", "--version"), "git is not installed");
    }

    @Test
    void contextTrimmedDiffAppliesAndGivesThePostImage() throws IOException {
        git("init", "-q");
        write("src/billing/ledger.py", pythonModule(120, -1, null));
        write("src/billing/report.py", pythonModule(80, -1, null));
        commitAll();
        write("src/billing/ledger.py", pythonModule(120, 17, "compute_v2").replace("step 90)", "step 90, rounding)"));
        write("src/billing/report.py", pythonModule(80, 40, "render_v2") + "def footer():\n    return None\n");
        String patch = git("diff");
        String post1 = read("src/billing/ledger.py");
        String post2 = read("src/billing/report.py");
        git("checkout", "-q", "--", ".");

        Compressed r = new DiffCompressor().compress(patch, CCR);
        assertTrue(r.changed());
        assertTrue(r.content().length() < patch.length() * 0.8, patch.length() + " -> " + r.content().length());
        assertFalse(r.content().contains("# headroom:"), "only context was trimmed here");
        Path compressed = repo.resolve("../compressed.patch");
        Files.writeString(compressed, r.content() + "\n");
        git("apply", "--check", compressed.toString());
        git("apply", compressed.toString());
        assertEquals(post1, read("src/billing/ledger.py"));
        assertEquals(post2, read("src/billing/report.py"));
        git("apply", "-R", "--check", compressed.toString()); // and backwards against the post-image
    }

    @Test
    void summarisedVersionBumpsStillPassTheCheck() throws IOException {
        git("init", "-q");
        for (int m = 0; m < 5; m++) write("module-" + m + "/pom.xml", pom("2.15.2"));
        commitAll();
        for (int m = 0; m < 5; m++) write("module-" + m + "/pom.xml", pom("2.17.1"));
        String patch = git("diff");
        git("checkout", "-q", "--", ".");

        String out = new DiffCompressor().compress(patch, CCR).content();
        for (int m = 0; m < 5; m++) assertTrue(out.contains("module-" + m + "/pom.xml"), out);
        assertTrue(out.contains("# headroom: 4 more files with the same change (2.15.2 → 2.17.1) as module-0/pom.xml"), out);
        Path compressed = repo.resolve("../grouped.patch");
        Files.writeString(compressed, out + "\n");
        git("apply", "--check", compressed.toString()); // the summary line is commentary to git
    }

    static String pythonModule(int functions, int changedAt, String newName) {
        StringBuilder b = new StringBuilder("import math\n\n");
        for (int i = 0; i < functions; i++) {
            String name = i == changedAt || i == changedAt + 30 ? newName : "compute";
            b.append("value_").append(i).append(" = ").append(name).append("(request.args[").append(i % 7)
                    .append("], session)  # step ").append(i).append(")\n");
        }
        return b.toString();
    }

    static String pom(String jackson) {
        return """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <artifactId>module</artifactId>
                  <properties>
                    <java.version>17</java.version>
                    <jackson.version>%s</jackson.version>
                    <junit.version>5.10.2</junit.version>
                    <encoding>UTF-8</encoding>
                  </properties>
                </project>
                """.formatted(jackson);
    }

    private void write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String read(String path) throws IOException {
        return Files.readString(repo.resolve(path));
    }

    private void commitAll() {
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "pre-image");
    }

    private String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.autocrlf=false"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git timed out");
            assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed: " + out);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
