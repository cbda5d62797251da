package io.headroom.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.fuzz.RequestInvariants;
import io.headroom.host.JsonCodec;
import io.headroom.internal.tokens.TokenCounter;
import io.headroom.internal.wire.ParsedRequest;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * What {@link Headroom#process} promises for any conversation in any of the three wire formats:
 * only tool output texts change, each changed one can be fetched back byte-identical, and the
 * request never grows in tokens.
 */
class ConversationPropertiesTest {
    private static final int TRIES = 150;
    private static final JsonCodec CODEC = new JsonCodec(Long.MAX_VALUE);
    private static final TokenCounter TOKENS = new TokenCounter();
    private static Headroom headroom;

    @BeforeContainer
    static void start() {
        headroom = Headroom.create(RequestInvariants.toolOutputsOnly(100));
    }

    @AfterContainer
    static void stop() {
        headroom.close();
    }

    /** One generated request: its endpoint, tree and the exact bytes posted. */
    record Request(Endpoint endpoint, ObjectNode tree, byte[] body) {
        @Override
        public String toString() {
            return endpoint + " " + tree.toString().substring(0, Math.min(300, tree.toString().length())) + "...";
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.of(Endpoint.class), Conversations.conversations()).as((e, c) -> {
            byte[] body = CODEC.write(WireShapes.render(e, c));
            // the tree as Headroom will see it (int vs long nodes etc. exactly as parsed)
            return new Request(e, (ObjectNode) RequestInvariants.parse(body, "generated request"), body);
        });
    }

    private static RequestOutcome process(Request r) {
        RequestOutcome out = headroom.process(r.endpoint(), r.body(), Mode.OPTIMIZE);
        List<RequestInvariants.ChangedOutput> changed = RequestInvariants.check(headroom, r.endpoint(), r.body(), out);
        Statistics.label("outcome").collect(changed.isEmpty() ? "unchanged" : "compressed");
        return out;
    }

    @Property(tries = TRIES)
    void userAndSystemMessagesAreByteIdentical(@ForAll("requests") Request r) {
        byte[] out = process(r).body();
        for (JsonNode subtree : protectedSubtrees(r.endpoint(), r.tree())) {
            byte[] bytes = CODEC.write(subtree);
            assertTrue(indexOf(out, bytes) >= 0, "a user or system subtree is not byte-identical in the forwarded body");
        }
        assertEquals(protectedSubtrees(r.endpoint(), r.tree()),
                protectedSubtrees(r.endpoint(), (ObjectNode) RequestInvariants.parse(out, "forwarded body")));
    }

    @Property(tries = TRIES)
    void toolCallsAndResultsStayPaired(@ForAll("requests") Request r) {
        ObjectNode after = (ObjectNode) RequestInvariants.parse(process(r).body(), "forwarded body");
        List<String> events = toolEvents(r.endpoint(), after);
        assertEquals(toolEvents(r.endpoint(), r.tree()), events, "tool calls/results changed ids or order");
        Set<String> called = new java.util.HashSet<>();
        for (String e : events) {
            if (e.startsWith("call:")) {
                called.add(e.substring(5));
            } else {
                assertTrue(called.contains(e.substring(7)), "a tool result precedes its call: " + e);
            }
        }
    }

    @Property(tries = TRIES)
    void unknownFieldsArePreserved(@ForAll("requests") Request r) {
        ObjectNode after = (ObjectNode) RequestInvariants.parse(process(r).body(), "forwarded body");
        List<String> before = unknownFields(r.tree());
        assertTrue(!before.isEmpty(), "generator must put an unknown field at least at the root");
        assertEquals(before, unknownFields(after));
    }

    @Property(tries = TRIES)
    void everyChangedToolOutputIsRetrievable(@ForAll("requests") Request r) {
        RequestOutcome out = headroom.process(r.endpoint(), r.body(), Mode.OPTIMIZE);
        List<RequestInvariants.ChangedOutput> changed = RequestInvariants.check(headroom, r.endpoint(), r.body(), out);
        // check() retrieves each by its marker hash; here also the reported hashes must cover them
        for (RequestInvariants.ChangedOutput c : changed) {
            assertTrue(out.ccrHashes().contains(io.headroom.internal.ccr.ContentHash.of(c.original())),
                    "the key of a replaced output is not reported in ccrHashes");
        }
        Statistics.label("outcome").collect(changed.isEmpty() ? "unchanged" : "compressed");
        // the generator makes large outputs; a run where nothing ever compresses tests nothing
        Statistics.label("outcome").coverage(c -> c.check("compressed").percentage(p -> p >= 20));
    }

    @Property(tries = TRIES)
    void tokensNeverIncrease(@ForAll("requests") Request r) {
        RequestOutcome out = process(r);
        assertTrue(out.tokensAfter() <= out.tokensBefore(), "reported tokens grew");
        int before = tokens(r.endpoint(), r.tree());
        int after = tokens(r.endpoint(), (ObjectNode) RequestInvariants.parse(out.body(), "forwarded body"));
        assertTrue(after <= before, "tokens grew from " + before + " to " + after);
    }

    @Property(tries = TRIES)
    void processingTheOutputAgainDoesNotGrowIt(@ForAll("requests") Request r) {
        byte[] once = process(r).body();
        RequestOutcome again = headroom.process(r.endpoint(), once, Mode.OPTIMIZE);
        RequestInvariants.check(headroom, r.endpoint(), once, again);
        assertTrue(again.body().length <= once.length, "second pass grew the body");
    }

    private static List<JsonNode> protectedSubtrees(Endpoint endpoint, ObjectNode root) {
        List<JsonNode> out = new ArrayList<>();
        Set<String> roles = Set.of("system", "developer", "user");
        switch (endpoint) {
            case OPENAI_CHAT -> root.path("messages").forEach(m -> {
                if (roles.contains(m.path("role").asText())) out.add(m);
            });
            case ANTHROPIC_MESSAGES -> {
                if (root.has("system")) out.add(root.get("system"));
                root.path("messages").forEach(m -> {
                    if (!"user".equals(m.path("role").asText())) return;
                    if (!m.path("content").isArray()) {
                        out.add(m);
                        return;
                    }
                    m.path("content").forEach(b -> {
                        if (!"tool_result".equals(b.path("type").asText())) out.add(b);
                    });
                });
            }
            case OPENAI_RESPONSES -> {
                if (root.has("instructions")) out.add(root.get("instructions"));
                root.path("input").forEach(i -> {
                    if (roles.contains(i.path("role").asText())) out.add(i);
                });
            }
        }
        return out;
    }

    private static List<String> toolEvents(Endpoint endpoint, ObjectNode root) {
        List<String> events = new ArrayList<>();
        switch (endpoint) {
            case OPENAI_CHAT -> root.path("messages").forEach(m -> {
                m.path("tool_calls").forEach(c -> events.add("call:" + c.path("id").asText()));
                if ("tool".equals(m.path("role").asText())) events.add("result:" + m.path("tool_call_id").asText());
            });
            case ANTHROPIC_MESSAGES -> root.path("messages").forEach(m -> m.path("content").forEach(b -> {
                if ("tool_use".equals(b.path("type").asText())) events.add("call:" + b.path("id").asText());
                if ("tool_result".equals(b.path("type").asText())) events.add("result:" + b.path("tool_use_id").asText());
            }));
            case OPENAI_RESPONSES -> root.path("input").forEach(i -> {
                if ("function_call".equals(i.path("type").asText())) events.add("call:" + i.path("call_id").asText());
                if ("function_call_output".equals(i.path("type").asText())) events.add("result:" + i.path("call_id").asText());
            });
        }
        return events;
    }

    /** Path and exact serialised value of every field whose name starts with {@code x_}. */
    private static List<String> unknownFields(JsonNode node) {
        List<String> out = new ArrayList<>();
        collectUnknown(node, "$", out);
        return out;
    }

    private static void collectUnknown(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().startsWith("x_")) {
                    out.add(path + "." + f.getKey() + "=" + new String(CODEC.write(f.getValue()), java.nio.charset.StandardCharsets.UTF_8));
                }
                collectUnknown(f.getValue(), path + "." + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnknown(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** Tokens of everything the model reads, counted independently of the pipeline's own figures. */
    private static int tokens(Endpoint endpoint, ObjectNode root) {
        ParsedRequest p = WireFormat.of(endpoint).read(root);
        TokenCounter.Tokenizer t = TOKENS.forModel(p.model());
        int n = 0;
        for (String s : p.otherTexts()) n += t.count(s);
        for (ToolOutput o : p.toolOutputs()) n += t.count(o.text());
        return n;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
