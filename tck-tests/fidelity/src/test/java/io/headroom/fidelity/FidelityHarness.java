package io.headroom.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs cases through the core exactly as a host does: an OpenAI chat request (system, the user's question, the
 * assistant's tool call, the tool's output) given to {@link Headroom#process}, with the embedded defaults.
 * Tokens are the request's, before and after, as the pipeline counts them.
 */
public final class FidelityHarness implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Headroom headroom;

    public FidelityHarness() {
        this(HeadroomConfig.defaults());
    }

    public FidelityHarness(HeadroomConfig config) {
        this.headroom = Headroom.create(config);
    }

    public FidelityResult run(FidelityCase c) {
        byte[] body = request(c);
        RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body, null);
        String output = toolOutput(outcome.body());
        List<String> missing = new ArrayList<>();
        for (String needle : c.needles()) {
            if (!output.contains(needle)) missing.add(needle);
        }
        return new FidelityResult(c, outcome.tokensBefore(), outcome.compressed() ? outcome.tokensAfter()
                : outcome.tokensBefore(), output, missing);
    }

    public List<FidelityResult> runAll(List<FidelityCase> cases) {
        List<FidelityResult> results = new ArrayList<>(cases.size());
        for (FidelityCase c : cases) results.add(run(c));
        return results;
    }

    /** A markdown table of the results, also written to {@code target/fidelity/<kind>.md}. */
    public static String report(String kind, List<FidelityResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| case | tokens before | tokens after | saved | target | needles kept |\n");
        b.append("|---|---:|---:|---:|---:|---|\n");
        for (FidelityResult r : results) {
            FidelityCase c = r.fidelityCase();
            int kept = c.needles().size() - r.missingNeedles().size();
            b.append("| ").append(c.name())
                    .append(" | ").append(r.tokensBefore())
                    .append(" | ").append(r.tokensAfter())
                    .append(" | ").append(percent(r.savings()))
                    .append(" | ").append(c.minSavings() == 0 ? "-" : "≥ " + percent(c.minSavings()))
                    .append(" | ").append(kept).append('/').append(c.needles().size())
                    .append(r.missingNeedles().isEmpty() ? "" : " missing " + r.missingNeedles())
                    .append(" |\n");
        }
        try {
            Path dir = Path.of("target", "fidelity");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(kind + ".md"), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static byte[] request(FidelityCase c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "gpt-4o");
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a helpful engineering assistant.");
        messages.addObject().put("role", "user").put("content", c.question());
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", c.toolName()).put("arguments", "{}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", c.toolOutput());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toolOutput(byte[] body) {
        try {
            JsonNode messages = JSON.readTree(body).path("messages");
            for (JsonNode m : messages) {
                if ("tool".equals(m.path("role").asText())) return m.path("content").asText();
            }
            throw new IllegalStateException("no tool message in the processed request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        headroom.close();
    }
}
