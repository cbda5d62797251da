package io.headroom.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.RetrieveResult;
import io.headroom.internal.engine.CorpusCase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The log and grep cases of the conformance corpus through the whole proxied path. */
class RouterCorpusTest {
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");
    private final Headroom headroom = Headroom.create(HeadroomConfig.defaults());

    @AfterEach
    void close() {
        headroom.close();
    }

    @ParameterizedTest
    @CsvSource({"pytest_log_1500, log", "grep_1200, search"})
    void corpusCaseKeepsItsNeedlesAndSavesTheRequiredShareOfTheWholeRequest(String name, String type) throws Exception {
        CorpusCase c = Fixtures.corpus(name);
        RequestOutcome outcome = headroom.process(c.endpoint(), c.body(), null);

        assertTrue(outcome.compressed());
        assertFalse(outcome.failedOpen());
        double saved = 100.0 * outcome.tokensSaved() / outcome.tokensBefore();
        double min = c.expect().path("min_savings").asDouble();
        assertTrue(saved >= min, name + " saved " + saved + "% of " + outcome.tokensBefore() + " tokens, needs " + min);
        assertEquals(1, outcome.transformsApplied().size());
        assertTrue(outcome.transformsApplied().get(0).matches("router:" + type + ":0\\.\\d\\d"), outcome.transformsApplied().toString());

        JsonNode forwarded = CorpusCase.MAPPER.readTree(outcome.body());
        String text = CorpusCase.allText(forwarded);
        for (String needle : c.mustKeep()) {
            assertTrue(text.contains(needle), name + " keeps " + needle);
        }
        // the original is retrievable byte-identical under the hash in the marker
        Matcher m = HASH.matcher(text);
        assertTrue(m.find(), "marker present");
        assertEquals(List.of(m.group(1)), outcome.ccrHashes());
        RetrieveResult r = headroom.retrieve(m.group(1), null);
        assertEquals(c.toolOutputs().get(0), r.originalContent());
        // nothing but the tool output changed
        JsonNode sent = c.request();
        for (int i = 0; i < sent.get("messages").size(); i++) {
            if (!"tool".equals(sent.get("messages").get(i).path("role").asText())) {
                assertEquals(sent.get("messages").get(i), forwarded.get("messages").get(i));
            }
        }
    }

    @Test
    void transformsListOneEntryPerCompressedOutputInOrder() throws Exception {
        CorpusCase log = Fixtures.corpus("pytest_log_1500");
        CorpusCase grep = Fixtures.corpus("grep_1200");
        var request = (com.fasterxml.jackson.databind.node.ObjectNode) log.request().deepCopy();
        var messages = (com.fasterxml.jackson.databind.node.ArrayNode) request.get("messages");
        var call = messages.get(2).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) call.get("tool_calls").get(0)).put("id", "call_2");
        messages.add(call);
        var tool = CorpusCase.MAPPER.createObjectNode();
        tool.put("role", "tool").put("tool_call_id", "call_2").put("content", grep.toolOutputs().get(0));
        messages.add(tool);
        messages.add(messages.get(3).deepCopy()); // the same log again, later
        RequestOutcome outcome = headroom.process(log.endpoint(), CorpusCase.MAPPER.writeValueAsBytes(request), null);
        List<String> t = outcome.transformsApplied();
        assertEquals(3, t.size(), t.toString());
        assertTrue(t.get(0).startsWith("router:log:"));
        assertTrue(t.get(1).startsWith("router:search:"));
        assertTrue(t.get(2).startsWith("router:log:"));
        assertEquals(t.get(0), t.get(2));
    }
}
