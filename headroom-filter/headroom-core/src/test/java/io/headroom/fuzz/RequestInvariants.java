package io.headroom.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.ContextStrategy;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.host.JsonCodec;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The fail-open contract of {@link Headroom#process}, checked on one input/outcome pair: the body
 * forwarded is either the input itself or valid JSON that differs from the input only in tool output
 * texts, and every changed tool output names a hash under which its original is retrievable
 * byte-identical. Shared by the fuzz targets and the property tests.
 */
public final class RequestInvariants {
    private static final String TOOL_TEXT = "\u0000tool-output\u0000";
    private static final String RETRIEVE_TOOL = "headroom_retrieve";
    private static final JsonCodec CODEC = new JsonCodec(Long.MAX_VALUE);

    private RequestInvariants() {
    }

    /**
     * A configuration whose only rewrite is tool-output compression, so "nothing but tool outputs
     * changed" is an exact invariant: no cache alignment, no cache_control breakpoints, no context
     * dropping. {@code minTokens} low lets small fuzz inputs reach the compressors.
     */
    public static HeadroomConfig toolOutputsOnly(int minTokens) {
        return HeadroomConfig.builder()
                .crusher(k -> k.minTokensToCrush(minTokens))
                .cacheAligner(c -> c.enabled(false).cacheControlEnabled(false))
                .context(c -> c.strategy(ContextStrategy.OFF))
                .build();
    }

    /** Checks one {@code process} outcome; returns the tool outputs that were changed. */
    public static List<ChangedOutput> check(Headroom headroom, Endpoint endpoint, byte[] input, RequestOutcome out) {
        assertNotNull(out, "process returned null");
        assertNotNull(out.body(), "process returned a null body");
        if (out.body() == input || Arrays.equals(out.body(), input)) {
            assertFalse(out.compressed(), "an unchanged body must not be reported as compressed");
            assertFalse(out.bodyChanged(), "an unchanged body must not be reported as changed");
            return List.of();
        }
        assertTrue(out.bodyChanged(), "a changed body must be reported as changed");
        // in this configuration tool-output compression is the only rewrite: a change is a compression
        assertTrue(out.compressed(), "a changed body must be reported as compressed");
        assertFalse(out.failedOpen(), "a fail-open outcome must forward the original bytes");
        JsonNode before = parse(input, "input of a rewritten body");
        JsonNode after = parse(out.body(), "rewritten body");
        assertTrue(before instanceof ObjectNode && after instanceof ObjectNode, "only JSON objects are rewritten");
        List<ToolOutput> inTools = WireFormat.of(endpoint).read((ObjectNode) before).toolOutputs();
        List<ToolOutput> outTools = WireFormat.of(endpoint).read((ObjectNode) after).toolOutputs();
        assertEquals(inTools.size(), outTools.size(), "tool outputs appeared or vanished");
        List<ChangedOutput> changed = new ArrayList<>();
        for (int i = 0; i < inTools.size(); i++) {
            String original = inTools.get(i).text();
            String now = outTools.get(i).text();
            assertEquals(inTools.get(i).callId(), outTools.get(i).callId(), "tool output " + i + " lost its call id");
            if (!original.equals(now)) {
                assertTrue(now.length() < original.length(), "a changed tool output must be shorter");
                changed.add(new ChangedOutput(original, now));
            }
        }
        assertFalse(changed.isEmpty(), "body changed although no tool output did");
        assertEquals(neutralised(endpoint, (ObjectNode) before), neutralised(endpoint, (ObjectNode) after),
                "something other than a tool output text changed");
        if (headroom.config().ccr().enabled()) {
            for (ChangedOutput c : changed) {
                // the key is the hash of the replaced text; an output compressed twice also quotes the older key
                String hash = ContentHash.of(c.original());
                assertTrue(c.compressed().contains("hash=" + hash), "a compressed tool output carries no marker with its key");
                String original = headroom.retrieve(hash, null).originalContent();
                assertArrayEquals(c.original().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        original.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "the retrieved original differs from the tool output that was replaced");
            }
        }
        return changed;
    }

    /** A copy of {@code root} with every tool output text blanked and the injected retrieve tool removed. */
    public static ObjectNode neutralised(Endpoint endpoint, ObjectNode root) {
        ObjectNode copy = root.deepCopy();
        for (ToolOutput t : WireFormat.of(endpoint).read(copy).toolOutputs()) {
            t.slot().replace(TOOL_TEXT);
        }
        if (copy.get("tools") instanceof ArrayNode tools) {
            for (Iterator<JsonNode> it = tools.elements(); it.hasNext(); ) {
                JsonNode tool = it.next();
                if (RETRIEVE_TOOL.equals(tool.path("name").asText(null))
                        || RETRIEVE_TOOL.equals(tool.path("function").path("name").asText(null))) {
                    it.remove();
                }
            }
            if (tools.isEmpty()) {
                copy.remove("tools");
            }
        }
        return copy;
    }

    public static JsonNode parse(byte[] body, String what) {
        try {
            return CODEC.parse(body);
        } catch (JsonProcessingException e) {
            return fail(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** True when {@code body} is one JSON document within Headroom's parser limits. */
    public static boolean isJson(byte[] body) {
        try {
            CODEC.parse(body);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** One tool output text before and after. */
    public record ChangedOutput(String original, String compressed) {
    }
}
