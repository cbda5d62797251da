package io.headroom.host.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.CcrConfig;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hook in the proxied path: the tool appears in the forwarded body exactly when originals went to CCR. */
class RetrieveToolInjectionTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static byte[] request(int items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"order-").append(i).append("\",\"status\":\"shipped\",\"amount\":")
                    .append(40 + i % 7).append(",\"region\":\"eu-west\"}");
        }
        String tool = new ObjectMapper().getNodeFactory().textNode(sb.append(']').toString()).toString();
        return ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarize the orders.\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"list\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":" + tool + "}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"list\",\"parameters\":{}}}],\"tool_choice\":\"auto\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void compressedRequestsGetTheTool() throws Exception {
        try (Headroom h = Headroom.create(HeadroomConfig.defaults())) {
            RequestOutcome o = h.process(Endpoint.OPENAI_CHAT, request(120), Mode.OPTIMIZE);
            assertTrue(o.compressed());
            assertFalse(o.ccrHashes().isEmpty());
            JsonNode sent = mapper.readTree(o.body());
            assertEquals(2, sent.get("tools").size());
            assertEquals("list", sent.at("/tools/0/function/name").asText());
            assertEquals("headroom_retrieve", sent.at("/tools/1/function/name").asText());
            assertEquals("auto", sent.get("tool_choice").asText());
        }
    }

    @Test
    void uncompressedRequestsAndTheOptionOffLeaveToolsAlone() throws Exception {
        try (Headroom h = Headroom.create(HeadroomConfig.defaults())) {
            byte[] small = request(2);
            RequestOutcome o = h.process(Endpoint.OPENAI_CHAT, small, Mode.OPTIMIZE);
            assertFalse(o.compressed());
            assertEquals(small, o.body());
            RequestOutcome audit = h.process(Endpoint.OPENAI_CHAT, request(120), Mode.AUDIT);
            assertFalse(new String(audit.body(), StandardCharsets.UTF_8).contains("headroom_retrieve"));
        }
        HeadroomConfig off = HeadroomConfig.fromProperties(k -> k.equals(CcrConfig.INJECT_TOOL) ? "false" : null);
        assertFalse(off.ccr().injectTool());
        try (Headroom h = Headroom.create(off)) {
            RequestOutcome o = h.process(Endpoint.OPENAI_CHAT, request(120), Mode.OPTIMIZE);
            assertTrue(o.compressed());
            assertFalse(new String(o.body(), StandardCharsets.UTF_8).contains("headroom_retrieve"));
        }
    }
}
