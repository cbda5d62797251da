package io.headroom.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LearningStats;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.RetrieveResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted agent session: each turn one tool's output goes through {@link Headroom#process} as a host sends
 * it, and a scripted model reads the compressed output. When an item its answer needs is missing it calls
 * {@code headroom_retrieve} as the core's retrieve loop would answer it — {@link Headroom#retrieve} with the hash
 * of the marker and a query (the value it is looking for), then, if still missing, the whole original — and
 * each such call is one retrieve round ({@link Headroom#onRetrieveRound}). Nothing here is timed.
 */
final class ReplaySession {
    static final int TURNS = 200;
    static final int WINDOW = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    /** What happened on one turn. */
    record Turn(int index, ReplayTool tool, int tokensOriginal, int tokensRequest, int tokensSent, int rounds,
                int needles, int needlesAnswered, String compressedOutput) {
        boolean answered() {
            return needlesAnswered == needles;
        }
    }

    /** Every turn of one run and the learning totals at its end. */
    record Run(String label, List<Turn> turns, LearningStats learning, List<io.headroom.LearnedPattern> patterns,
               io.headroom.SimulationPlan nextTicketsPlan) {
        Window first() {
            return new Window(turns.subList(0, WINDOW));
        }

        Window last() {
            return new Window(turns.subList(turns.size() - WINDOW, turns.size()));
        }
    }

    /** Figures over a window of turns. */
    record Window(List<Turn> turns) {
        double roundsPerTurn() {
            return turns.stream().mapToInt(Turn::rounds).sum() / (double) turns.size();
        }

        double tokensSentPerTurn() {
            return turns.stream().mapToInt(Turn::tokensSent).sum() / (double) turns.size();
        }

        /** Saved by compression of the requests themselves (what /stats reports), follow-ups not counted. */
        double requestSavings() {
            long before = turns.stream().mapToLong(Turn::tokensOriginal).sum();
            long after = turns.stream().mapToLong(Turn::tokensRequest).sum();
            return 1.0 - (double) after / before;
        }

        int needles() {
            return turns.stream().mapToInt(Turn::needles).sum();
        }

        int needlesAnswered() {
            return turns.stream().mapToInt(Turn::needlesAnswered).sum();
        }

        long turnsAnswered() {
            return turns.stream().filter(Turn::answered).count();
        }
    }

    private ReplaySession() {
    }

    static Run run(String label, HeadroomConfig config, long seed) {
        List<ReplayTool> order = order(seed);
        List<Turn> turns = new ArrayList<>(TURNS);
        try (Headroom headroom = Headroom.create(config)) {
            for (int t = 0; t < TURNS; t++) {
                turns.add(turn(headroom, t, order.get(t), seed));
            }
            // what simulate says of one more search_tickets turn: which decisions learned hints would make
            ReplayTool.Output next = ReplayTool.SEARCH_TICKETS.output(TURNS, seed);
            io.headroom.SimulationPlan plan = headroom.simulate(read(request(TURNS, ReplayTool.SEARCH_TICKETS, next.json())));
            return new Run(label, turns, headroom.learning().stats(), headroom.learning().patterns(), plan);
        }
    }

    /** Each block of five turns calls every tool once, in an order shuffled from the seed. */
    private static List<ReplayTool> order(long seed) {
        Random random = new Random(seed);
        List<ReplayTool> out = new ArrayList<>(TURNS);
        while (out.size() < TURNS) {
            List<ReplayTool> block = new ArrayList<>(List.of(ReplayTool.values()));
            Collections.shuffle(block, random);
            out.addAll(block);
        }
        return out;
    }

    private static Turn turn(Headroom headroom, int t, ReplayTool tool, long seed) {
        ReplayTool.Output output = tool.output(t, seed);
        byte[] body = request(t, tool, output.json());
        RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body, null);
        int requestTokens = outcome.compressed() ? outcome.tokensAfter() : outcome.tokensBefore();
        ObjectNode sent = (ObjectNode) read(outcome.body());
        String seen = sent.get("messages").get(3).get("content").asText();

        List<String> missing = new ArrayList<>();
        for (String id : output.needles()) if (!seen.contains(id)) missing.add(id);
        int rounds = 0;
        int tokensSent = requestTokens;
        Matcher marker = HASH.matcher(seen);
        String hash = marker.find() ? marker.group(1) : null;
        // the model's headroom_retrieve calls: first a search for what it looks for, then the whole original
        String[] queries = {tool.needleValue, null};
        for (int q = 0; q < queries.length && !missing.isEmpty() && hash != null; q++) {
            RetrieveResult r = headroom.retrieve(hash, queries[q]);
            headroom.onRetrieveRound(Endpoint.OPENAI_CHAT);
            rounds++;
            String answer = queries[q] == null ? r.originalContent() : String.join("\n", r.matches());
            missing.removeIf(answer::contains);
            tokensSent += followUpTokens(headroom, sent, t, hash, queries[q], answer);
        }
        int answered = output.needles().size() - missing.size();
        return new Turn(t, tool, outcome.tokensBefore(), requestTokens, tokensSent, rounds, output.needles().size(),
                answered, seen);
    }

    private static byte[] request(int t, ReplayTool tool, String toolOutput) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "gpt-4o");
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are an operations agent. Use the tools.");
        messages.addObject().put("role", "user").put("content", "Run " + tool.toolName + " and tell me what needs my attention.");
        ObjectNode call = messages.addObject().put("role", "assistant");
        call.putNull("content");
        ObjectNode fn = call.putArray("tool_calls").addObject().put("id", "call_" + t).put("type", "function")
                .putObject("function");
        fn.put("name", tool.toolName).put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_" + t).put("content", toolOutput);
        return write(root);
    }

    /** Tokens of the follow-up the retrieve loop sends: the request as sent, the model's call and its answer. */
    private static int followUpTokens(Headroom headroom, ObjectNode sent, int t, String hash, String query, String answer) {
        ObjectNode next = sent.deepCopy();
        ArrayNode messages = (ArrayNode) next.get("messages");
        ObjectNode call = messages.addObject().put("role", "assistant");
        call.putNull("content");
        ObjectNode args = JSON.createObjectNode().put("hash", hash);
        if (query != null) args.put("query", query);
        call.putArray("tool_calls").addObject().put("id", "retrieve_" + t).put("type", "function")
                .putObject("function").put("name", "headroom_retrieve").put("arguments", args.toString());
        messages.addObject().put("role", "tool").put("tool_call_id", "retrieve_" + t).put("content", answer);
        // audit counts the body as sent without changing (or storing) anything
        return headroom.process(Endpoint.OPENAI_CHAT, write(next), Mode.AUDIT).tokensBefore();
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
