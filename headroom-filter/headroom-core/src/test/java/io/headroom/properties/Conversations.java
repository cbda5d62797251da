package io.headroom.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for {@link Conversation}s: mixed turns, tool rounds with unique ids, unknown fields. */
final class Conversations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Conversations() {
    }

    static Arbitrary<Conversation> conversations() {
        Arbitrary<String> system = Arbitraries.oneOf(Arbitraries.just(null), text(400));
        Arbitrary<List<Conversation.Step>> steps = step().list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<String> extraKey = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> "x_" + s);
        return Combinators.combine(system, steps, extraKey, extraValue())
                .as((s, st, k, v) -> new Conversation(s, uniqueIds(st), k, v));
    }

    /** User and system text: any non-surrogate characters, including quotes, backslashes and controls. */
    static Arbitrary<String> text(int maxLength) {
        Arbitrary<String> chars = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withChars("\"\\\n\t")
                .ofMinLength(0).ofMaxLength(maxLength);
        // supplementary characters only as whole surrogate pairs, the way JSON text carries them
        return Combinators.combine(chars, Arbitraries.of("", "🙂", "𝄞 done")).as(String::concat);
    }

    private static Arbitrary<Conversation.Step> step() {
        Arbitrary<Conversation.Step> user = Combinators.combine(text(300), Arbitraries.of(true, false))
                .as(Conversation.User::new);
        Arbitrary<Conversation.Step> assistant = Combinators.combine(text(300), Arbitraries.of(true, false))
                .as(Conversation.Assistant::new);
        Arbitrary<Conversation.Step> round = call().list().ofMinSize(1).ofMaxSize(3).map(Conversation.ToolRound::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, user), net.jqwik.api.Tuple.of(2, assistant), net.jqwik.api.Tuple.of(4, round));
    }

    private static Arbitrary<Conversation.Call> call() {
        Arbitrary<String> name = Arbitraries.of("search_items", "read_logs", "fetch_page", "list_orders", "query_db");
        Arbitrary<String> args = Arbitraries.strings().alpha().ofMaxLength(20).map(q -> "{\"q\":\"" + q + "\"}");
        Arbitrary<String> output = Combinators.combine(Arbitraries.of(ToolOutputs.Kind.class),
                Arbitraries.integers().between(0, 150), Arbitraries.longs()).as(ToolOutputs::make);
        return Combinators.combine(name, args, output, Arbitraries.of(true, false))
                .as((n, a, o, x) -> new Conversation.Call("", n, a, o, x));
    }

    /** Unknown field values whose exact bytes matter: decimals with trailing zeros, nesting, unicode. */
    private static Arbitrary<JsonNode> extraValue() {
        return Arbitraries.oneOf(
                text(30).map(JSON::textNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.of("1.50", "1e400", "-0.0", "3.14159265358979323846264338327950288").map(d -> JSON.numberNode(new BigDecimal(d))),
                Arbitraries.of(true, false).map(JSON::booleanNode),
                text(10).map(s -> {
                    ObjectNode o = JSON.objectNode();
                    o.putArray("list").add(1).add(s).addNull().addObject().put("deep", s);
                    return o;
                }));
    }

    /** Gives every call an id unique within its conversation, as the APIs require. */
    private static List<Conversation.Step> uniqueIds(List<Conversation.Step> steps) {
        List<Conversation.Step> out = new ArrayList<>();
        int n = 0;
        for (Conversation.Step s : steps) {
            if (s instanceof Conversation.ToolRound t) {
                List<Conversation.Call> calls = new ArrayList<>();
                for (Conversation.Call c : t.calls()) {
                    calls.add(new Conversation.Call("call_" + (n++) + "_" + Integer.toHexString(c.output().hashCode()),
                            c.name(), c.arguments(), c.output(), c.extra()));
                }
                out.add(new Conversation.ToolRound(calls));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
