package io.headroom.corpus.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.corpus.PythonJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of one case, as a client sees the gateway: first {@code POST /v1/compress} (Chat Completions cases:
 * response fields, token arithmetic, needles kept, savings floor, untouched messages and roles, tool pairs, budget,
 * every changed tool output retrievable byte-identical through {@code /v1/retrieve}); then the request on its own
 * route, where the upstream must receive a smaller body that still holds the needles (or exactly the request, for
 * cases that must pass through), with {@code x-headroom-compressed} and {@code x-headroom-tokens-saved} set and the
 * upstream's answer relayed.
 */
final class CaseCheck {
    private static final String[] COMPRESS_FIELDS = {"messages", "tokens_before", "tokens_after", "tokens_saved",
        "compression_ratio", "transforms_applied", "ccr_hashes"};

    private final GatewayClient gateway;
    private final StubUpstream upstream;

    CaseCheck(GatewayClient gateway, StubUpstream upstream) {
        this.gateway = gateway;
        this.upstream = upstream;
    }

    CaseResult check(CorpusCase c) {
        CaseResult result = new CaseResult(c.name());
        if (CorpusCase.CHAT.equals(c.endpoint())) {
            checkCompress(c, result);
        }
        checkGateway(c, result);
        return result;
    }

    private void checkCompress(CorpusCase c, CaseResult result) {
        JsonNode request = c.request();
        ObjectNode body = CorpusCase.MAPPER.createObjectNode();
        body.set("messages", request.get("messages"));
        body.set("model", request.get("model"));
        if (c.tokenBudget() > 0) {
            body.put("token_budget", c.tokenBudget());
        }
        JsonNode r;
        try {
            GatewayClient.Answer answer = gateway.post("/v1/compress", body);
            if (answer.status() / 100 != 2) {
                result.fail("/v1/compress failed: HTTP " + answer.status() + " " + answer.bodyStart());
                return;
            }
            r = answer.json();
        } catch (IOException e) {
            result.fail("/v1/compress failed: " + e);
            return;
        }
        for (String field : COMPRESS_FIELDS) {
            if (!r.has(field)) {
                result.fail("/v1/compress response lacks " + field);
            }
        }
        JsonNode messages = r.path("messages");
        long before = r.path("tokens_before").asLong(0);
        long after = r.path("tokens_after").asLong(0);
        double estimate = PythonJson.dumps(request.get("messages")).length() / 4.0;
        if (before != 0 && (before < 0.3 * estimate || before > 4 * estimate)) {
            result.fail(String.format(Locale.ROOT, "tokens_before %d is far from the size of the request (~%d tokens at"
                    + " 4 chars a token; digits and punctuation can take 1.5 chars a token)", before, (long) estimate));
        }
        if (!r.path("tokens_saved").canConvertToLong() || r.path("tokens_saved").asLong() != before - after) {
            result.fail("tokens_saved " + r.path("tokens_saved") + " != tokens_before - tokens_after");
        }
        result.tokensBefore = before;
        result.tokensAfter = after;
        String text = JsonChecks.textOf(messages);
        for (String needle : c.mustKeep()) {
            if (!text.contains(needle)) {
                result.fail("compressed messages lost " + quote(needle));
            }
        }
        int minSavings = c.expect().path("min_savings").asInt(0);
        if (minSavings > 0 && result.savingsPercent() < minSavings) {
            result.fail(String.format(Locale.ROOT, "saved %.1f%% < %d%%", result.savingsPercent(), minSavings));
        }
        if (c.expects("unchanged") && !JsonChecks.same(messages, request.get("messages"))) {
            result.fail("messages were changed but must pass through unchanged");
        }
        for (JsonNode role : c.expect().path("protected_roles")) {
            if (!JsonChecks.same(withRole(request.get("messages"), role.asText()), withRole(messages, role.asText()))) {
                result.fail(role.asText() + " messages were changed");
            }
        }
        if (c.expects("tool_pairs_intact") && !JsonChecks.toolPairsIntact(messages)) {
            result.fail("tool calls and tool results no longer pair up");
        }
        long budget = c.expect().path("fits_budget").asLong(0);
        if (budget > 0 && after > budget) {
            result.fail("tokens_after " + after + " exceeds the budget " + budget);
        }
        // a budget may drop whole tool outputs (they are gone, not compressed), so only their hashes must resolve
        checkRetrievable(request.get("messages"), messages, r.path("ccr_hashes"), budget == 0, result);
    }

    /** Every tool output that changed must come back byte-identical from /v1/retrieve under one of the hashes. */
    private void checkRetrievable(JsonNode original, JsonNode compressed, JsonNode hashes, boolean everyChangedOutput,
            CaseResult result) {
        Set<String> kept = toolContents(compressed);
        List<String> changed = new ArrayList<>(toolContents(original));
        changed.removeAll(kept);
        Set<String> retrieved = new HashSet<>();
        for (JsonNode hash : hashes) {
            try {
                GatewayClient.Answer answer = gateway.post("/v1/retrieve",
                        CorpusCase.MAPPER.createObjectNode().put("hash", hash.asText()));
                if (answer.status() / 100 != 2) {
                    result.fail("retrieve " + hash.asText() + " failed: HTTP " + answer.status());
                    continue;
                }
                JsonNode j = answer.json();
                retrieved.add(j.hasNonNull("original_content") ? j.get("original_content").asText()
                        : j.path("content").asText(""));
            } catch (IOException e) {
                result.fail("retrieve " + hash.asText() + " failed: " + e);
            }
        }
        for (String output : changed) {
            if (everyChangedOutput && !retrieved.contains(output)) {
                result.fail("a compressed tool output (" + output.length()
                        + " chars) is not retrievable byte-identical via /v1/retrieve");
            }
        }
    }

    private void checkGateway(CorpusCase c, CaseResult result) {
        upstream.clear();
        GatewayClient.Answer answer;
        try {
            answer = gateway.post(c.endpoint(), c.request());
        } catch (IOException e) {
            result.fail("gateway " + c.endpoint() + " failed: " + e);
            return;
        }
        if (answer.status() / 100 != 2) {
            result.fail("gateway " + c.endpoint() + " answered " + answer.status() + ": " + answer.bodyStart());
            return;
        }
        List<StubUpstream.Received> received = upstream.received();
        if (received.isEmpty()) {
            result.fail("gateway did not forward to the upstream");
            return;
        }
        StubUpstream.Received forwarded = received.get(received.size() - 1);
        if (forwarded.body() == null) {
            result.fail("upstream received a body that is not JSON");
            return;
        }
        boolean credentials = forwarded.headers().keySet().stream()
                .anyMatch(h -> h.equalsIgnoreCase("authorization") || h.equalsIgnoreCase("x-api-key"));
        if (!credentials) {
            result.fail("upstream received no credentials header");
        }
        if (c.expects("unchanged")) {
            if (!JsonChecks.same(forwarded.body(), c.request())) {
                result.fail("gateway changed a request that must pass through unchanged");
            }
        } else {
            checkCompressedForward(c, forwarded.body(), answer, result);
        }
        try {
            if (!answer.json().path("id").asText("").contains("stub")) {
                result.fail("response body was not the upstream's");
            }
        } catch (IOException e) {
            result.fail("response body is not JSON");
        }
    }

    private static void checkCompressedForward(CorpusCase c, JsonNode forwarded, GatewayClient.Answer answer,
            CaseResult result) {
        String text = JsonChecks.textOf(forwarded);
        for (String needle : c.mustKeep()) {
            if (!text.contains(needle)) {
                result.fail("gateway forwarded a body that lost " + quote(needle));
            }
        }
        if (!"true".equals(answer.header("x-headroom-compressed"))) {
            result.fail("x-headroom-compressed is " + quote(answer.header("x-headroom-compressed")));
        }
        String saved = answer.header("x-headroom-tokens-saved");
        try {
            result.gatewayTokensSaved = Long.parseLong(saved == null ? "0" : saved);
            if (result.gatewayTokensSaved <= 0) {
                result.fail("x-headroom-tokens-saved is " + quote(saved));
            }
        } catch (NumberFormatException e) {
            result.fail("x-headroom-tokens-saved is not a number");
        }
        if (PythonJson.dumps(forwarded).length() >= PythonJson.dumps(c.request()).length()) {
            result.fail("forwarded body is not smaller than the original");
        }
    }

    private static ArrayNode withRole(JsonNode messages, String role) {
        ArrayNode out = CorpusCase.MAPPER.createArrayNode();
        for (JsonNode m : messages) {
            if (role.equals(m.path("role").asText(null))) {
                out.add(m);
            }
        }
        return out;
    }

    private static Set<String> toolContents(JsonNode messages) {
        Set<String> out = new HashSet<>();
        for (JsonNode m : messages) {
            if ("tool".equals(m.path("role").asText()) && m.path("content").isTextual()) {
                out.add(m.get("content").textValue());
            }
        }
        return out;
    }

    private static String quote(String s) {
        if (s == null) {
            return "None";
        }
        return "'" + (s.length() > 80 ? s.substring(0, 80) : s) + "'";
    }
}
