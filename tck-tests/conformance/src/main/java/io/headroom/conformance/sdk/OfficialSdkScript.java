package io.headroom.conformance.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code sdk-retrieve.mjs} (a resource next to this class): the official SDKs' stream helpers from npm —
 * openai {@code chat.completions.stream()} and {@code responses.stream().finalResponse()}, {@code @anthropic-ai/sdk}
 * {@code messages.stream().finalMessage()} — each sending one request whose tool output is {@code toolOutput} to a
 * Headroom host. The gateway and the library hosts run the same script with the same SDK versions; what each
 * helper ended with is checked by {@link OfficialSdkAssertions}. Needs node and npm on the PATH; fails, never
 * skips, without them.
 */
public final class OfficialSdkScript {
    /** The newest openai release; it checks a Responses stream's identity ("Lifecycle response identity changed"). */
    public static final String OPENAI_VERSION = "7.60.0";
    public static final String ANTHROPIC_VERSION = "1.17.0";
    /** openai 7 needs Node.js 22; CI has 20, so Node.js 22 comes from npm's {@code node} package and runs the script. */
    public static final String NODE_VERSION = "22.23.3";
    private static final String SCRIPT = "sdk-retrieve.mjs";
    private static final String MARKER = "SDK-RETRIEVE-RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OfficialSdkScript() {
    }

    /**
     * Installs the SDKs into {@code workDir} (npm's cache kept there too), runs the script against {@code baseUrl}
     * and returns its result: {@code {chat, responses, messages}}, each what one helper ended with or {@code threw}.
     * Use {@code 127.0.0.1} in {@code baseUrl}: Node resolves "localhost" to ::1 first.
     */
    public static JsonNode run(Path workDir, String baseUrl, String toolOutput) throws Exception {
        Path dir = workDir.toAbsolutePath();
        Files.createDirectories(dir);
        NodeProcess.requireTool("node", dir);
        NodeProcess.requireTool(NodeProcess.npm(), dir);
        Files.writeString(dir.resolve("package.json"), """
                {
                  "name": "headroom-sdk-retrieve",
                  "private": true,
                  "type": "module",
                  "dependencies": { "node": "%s", "openai": "%s", "@anthropic-ai/sdk": "%s" }
                }
                """.formatted(NODE_VERSION, OPENAI_VERSION, ANTHROPIC_VERSION));
        copyScript(dir.resolve(SCRIPT));
        Path toolOutputFile = dir.resolve("tool-output.json");
        Files.writeString(toolOutputFile, toolOutput);
        Map<String, String> env = Map.of("npm_config_cache", dir.resolve(".npm-cache").toString(),
                "npm_config_update_notifier", "false");
        NodeProcess.Result install = NodeProcess.run(List.of(NodeProcess.npm(), "install", "--no-audit", "--no-fund"),
                dir, env, Duration.ofMinutes(5));
        if (install.exitCode() != 0) {
            fail("npm install of the SDKs failed (" + install.exitCode() + "):\n" + install.output());
        }
        Path node = dir.resolve(Path.of("node_modules", ".bin", "node"));
        NodeProcess.Result version = NodeProcess.run(List.of(node.toString(), "--version"), dir, env, Duration.ofMinutes(1));
        assertEquals("v" + NODE_VERSION, version.output().strip(), "the script runs on Node.js from npm");
        NodeProcess.Result run = NodeProcess.run(List.of(node.toString(), SCRIPT, baseUrl, toolOutputFile.toString()),
                dir, env, Duration.ofMinutes(2));
        if (run.exitCode() != 0) {
            fail("node " + SCRIPT + " failed (" + run.exitCode() + "):\n" + run.output());
        }
        String line = run.output().lines().filter(l -> l.startsWith(MARKER)).findFirst()
                .orElseThrow(() -> new AssertionError("the SDK script printed no result:\n" + run.output()));
        try {
            return JSON.readTree(line.substring(MARKER.length()));
        } catch (IOException e) {
            throw new AssertionError("unparsable SDK output: " + line, e);
        }
    }

    private static void copyScript(Path target) throws IOException {
        try (InputStream script = OfficialSdkScript.class.getResourceAsStream(SCRIPT)) {
            if (script == null) {
                throw new IOException(SCRIPT + " is missing next to " + OfficialSdkScript.class.getName());
            }
            Files.copy(script, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
