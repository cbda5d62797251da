package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrConfig;
import io.headroom.CompressResult;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RetrieveResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the facade: what a gateway compressed before a restart is retrievable after it. */
class HeadroomRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode compressRequest() {
        ArrayNode logs = JSON.createArrayNode();
        for (int i = 0; i < 300; i++) {
            logs.addObject().put("ts", "2026-11-25T10:" + String.format("%02d:%02d", i / 60, i % 60) + "Z")
                    .put("level", i == 137 ? "ERROR" : "INFO")
                    .put("message", i == 137 ? "Verbindung zum Schlüsselspeicher verloren — 東京 shard" : "request served in " + (i % 17) + " ms")
                    .put("service", "billing");
        }
        ObjectNode req = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode messages = req.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Why did billing fail?");
        ObjectNode call = messages.addObject().put("role", "assistant");
        call.putArray("tool_calls").addObject().put("id", "c1").put("type", "function")
                .putObject("function").put("name", "search_logs").put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "c1").put("content", logs.toString());
        return req;
    }

    @Test
    void originalsCompressedBeforeARestartAreRetrievedAfterIt() {
        HeadroomConfig config = HeadroomConfig.fromMap(Map.of(CcrConfig.DISK_PATH, dir.toString(),
                CcrConfig.DISK_SIZE_MB, "32"));
        ObjectNode request = compressRequest();
        String original = request.at("/messages/2/content").textValue();
        String hash;
        try (Headroom headroom = Headroom.create(config)) {
            CompressResult result = headroom.compress(request);
            assertFalse(result.ccrHashes().isEmpty(), "the tool output was compressed: " + result.transformsApplied());
            hash = result.ccrHashes().get(0);
            assertTrue(result.messages().at("/2/content").textValue().contains(hash));
        }
        try (Headroom restarted = Headroom.create(config)) {
            RetrieveResult r = restarted.retrieve(hash, null);
            assertEquals(original, r.originalContent());
            assertEquals("search_logs", r.toolName());
            assertEquals(1, r.retrievalCount());
            assertTrue(restarted.retrieve(hash, "Schlüsselspeicher verloren").matches().get(0).contains("東京"));
            assertEquals(1, restarted.stats().ccrEntries());
        }
    }
}
