package io.headroom.internal.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The aligner on the proxied path: requests differing only by date share a byte-identical prefix on the wire. */
class AlignmentThroughHeadroomTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] body(String date, String time) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("model", "gpt-4o");
        root.putArray("messages").addObject().put("role", "system")
                .put("content", "You are the Acme assistant.\nCurrent date: " + date + "\nCurrent time: " + time
                        + "\nAnswer briefly and cite the runbook.");
        root.withArray("messages").addObject().put("role", "user").put("content", "Is the billing job healthy?");
        return JSON.writeValueAsBytes(root);
    }

    @Test
    void forwardedBodiesShareTheirPrefixUpToTheDynamicTail() throws Exception {
        String[][] values = {{"2026-11-25", "08:00:01"}, {"2026-11-26", "09:10:11"}, {"2026-11-27", "10:20:21"},
                {"2026-12-01", "11:30:31"}, {"2027-01-01", "23:59:59"}};
        try (Headroom headroom = Headroom.create(HeadroomConfig.builder().cacheAligner(c -> c.enabled(true)).build())) {
            Set<String> systemPrefixes = new HashSet<>();
            for (String[] v : values) {
                RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body(v[0], v[1]), null);
                assertTrue(outcome.bodyChanged(), "rewritten; over the deadline: " + outcome.deadlineExceeded());
                assertFalse(outcome.compressed(), "moving dynamic content is not compression");
                assertTrue(outcome.transformsApplied().contains("cache_aligner"), outcome.transformsApplied().toString());
                JsonNode forwarded = JSON.readTree(outcome.body());
                String system = forwarded.at("/messages/0/content").textValue();
                int tail = system.indexOf("\n\n[Dynamic context]\n");
                systemPrefixes.add(system.substring(0, tail));
                assertTrue(system.endsWith("- Current date: " + v[0] + "\n- Current time: " + v[1]), system);
                assertEquals("Is the billing job healthy?", forwarded.at("/messages/1/content").textValue());
            }
            assertEquals(Set.of("You are the Acme assistant.\nAnswer briefly and cite the runbook."), systemPrefixes);

            byte[] audited = body("2026-11-25", "08:00:01");
            RequestOutcome audit = headroom.process(Endpoint.OPENAI_CHAT, audited, Mode.AUDIT);
            assertArrayEquals(audited, audit.body(), "audit reports but forwards the very same bytes");
            assertFalse(audit.compressed());
            assertTrue(audit.transformsApplied().contains("cache_aligner"));
        }
    }

    @Test
    void theAlignerCanBeSwitchedOff() throws Exception {
        HeadroomConfig off = HeadroomConfig.builder().cacheAligner(c -> c.enabled(false)).build();
        try (Headroom headroom = Headroom.create(off)) {
            byte[] body = body("2026-11-25", "08:00:01");
            RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body, null);
            assertFalse(outcome.compressed());
            assertEquals(new String(body, StandardCharsets.UTF_8), new String(outcome.body(), StandardCharsets.UTF_8));
        }
    }
}
