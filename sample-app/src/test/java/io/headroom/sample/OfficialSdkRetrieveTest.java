package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.sample.sdk.NodeProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 acceptance: the official SDKs' stream helpers, from npm, against the gateway with a retrieve round —
 * openai {@code chat.completions.stream().finalChatCompletion()} and {@code responses.stream().finalResponse()},
 * {@code @anthropic-ai/sdk} {@code messages.stream().finalMessage()}. The stub upstream ({@link RetrievalStub})
 * answers the first request with a headroom_retrieve call (chat: role and call in the first chunk) and the
 * follow-up with text naming the needle only when the follow-up carries the original byte-identical. Needs node
 * and npm on the PATH; fails, never skips, without them.
 */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
class OfficialSdkRetrieveTest {
    /** The newest openai release; it checks a Responses stream's identity ("Lifecycle response identity changed"). */
    static final String OPENAI_VERSION = "7.60.0";
    static final String ANTHROPIC_VERSION = "1.17.0";
    /** openai 7 needs Node.js 22; CI has 20, so Node.js 22 comes from npm's {@code node} package and runs the script. */
    static final String NODE_VERSION = "22.23.3";
    private static final String MARKER = "SDK-RETRIEVE-RESULT ";
    private static final String ANSWER = "The full list includes " + RetrievalStub.NEEDLE + ".";
    private final ObjectMapper mapper = new ObjectMapper();

    @InjectUpstreamStub
    RetrievalStub upstream;

    @TestHTTPResource("/")
    URL base;

    @Test
    void streamHelpersOfTheOfficialSdksGetTheFinalAnswerAndNeverTheRetrieveCall() throws Exception {
        upstream.clear();
        upstream.expectOriginal(RetrievalGatewayTest.orders());
        JsonNode r = runScript();

        JsonNode chat = r.get("chat");
        assertFalse(chat.has("threw"), chat.toString());
        assertEquals(ANSWER, chat.path("text").asText(), chat.toString());
        assertEquals("assistant", chat.path("role").asText());
        assertEquals(0, chat.get("toolCalls").size(), chat.toString());
        assertFalse(chat.get("sawRetrieve").asBoolean());

        JsonNode responses = r.get("responses");
        assertFalse(responses.has("threw"), responses.toString());
        assertEquals(ANSWER, responses.path("text").asText(), responses.toString());
        assertEquals(List.of("message"), mapper.convertValue(responses.get("outputTypes"), List.class));
        assertFalse(responses.get("sawRetrieve").asBoolean());

        JsonNode messages = r.get("messages");
        assertFalse(messages.has("threw"), messages.toString());
        assertEquals(List.of("Let me fetch that.", ANSWER), mapper.convertValue(messages.get("texts"), List.class),
                messages.toString());
        assertEquals(List.of("text", "text"), mapper.convertValue(messages.get("blockTypes"), List.class));
        assertEquals("end_turn", messages.path("stopReason").asText());
        assertFalse(messages.get("sawRetrieve").asBoolean());

        assertEquals(6, upstream.received().size(), "one first call and one follow-up per SDK");
    }

    private JsonNode runScript() throws Exception {
        Path dir = Path.of("target", "sdk-retrieve").toAbsolutePath();
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
        Files.copy(Path.of("src", "test", "node", "sdk-retrieve.mjs"), dir.resolve("sdk-retrieve.mjs"),
                StandardCopyOption.REPLACE_EXISTING);
        Path orders = dir.resolve("orders.json");
        Files.writeString(orders, RetrievalGatewayTest.orders());
        Map<String, String> env = Map.of("npm_config_cache", dir.resolve(".npm-cache").toString(),
                "npm_config_update_notifier", "false");
        NodeProcess.Result install = NodeProcess.run(List.of(NodeProcess.npm(), "install", "--no-audit", "--no-fund"),
                dir, env, Duration.ofMinutes(5));
        if (install.exitCode() != 0) {
            fail("npm install of the SDKs failed (" + install.exitCode() + "):\n" + install.output());
        }
        // Node resolves "localhost" to ::1 first; the gateway listens on 127.0.0.1
        String baseUrl = "http://127.0.0.1:" + base.getPort();
        Path node = dir.resolve(Path.of("node_modules", ".bin", "node"));
        NodeProcess.Result version = NodeProcess.run(List.of(node.toString(), "--version"), dir, env, Duration.ofMinutes(1));
        assertEquals("v" + NODE_VERSION, version.output().strip(), "the script runs on Node.js from npm");
        NodeProcess.Result run = NodeProcess.run(List.of(node.toString(), "sdk-retrieve.mjs", baseUrl, orders.toString()),
                dir, env, Duration.ofMinutes(2));
        if (run.exitCode() != 0) {
            fail("node sdk-retrieve.mjs failed (" + run.exitCode() + "):\n" + run.output());
        }
        return run.output().lines().filter(l -> l.startsWith(MARKER)).findFirst()
                .map(l -> {
                    try {
                        return mapper.readTree(l.substring(MARKER.length()));
                    } catch (Exception e) {
                        throw new AssertionError("unparsable SDK output: " + l, e);
                    }
                })
                .orElseThrow(() -> new AssertionError("the SDK script printed no result:\n" + run.output()));
    }
}
