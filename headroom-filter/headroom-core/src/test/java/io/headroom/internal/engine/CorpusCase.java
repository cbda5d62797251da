package io.headroom.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A case of the conformance corpus, copied into test resources (the corpus itself is not in CI). */
public record CorpusCase(String name, Endpoint endpoint, JsonNode request, JsonNode expect) {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    public static CorpusCase load(String name) {
        try (InputStream in = CorpusCase.class.getResourceAsStream("/corpus/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus case " + name);
            }
            JsonNode c = MAPPER.readTree(in);
            Endpoint endpoint = Endpoint.forPath(c.path("endpoint").asText("/v1/chat/completions")).orElseThrow();
            return new CorpusCase(name, endpoint, c.get("request"), c.path("expect"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] body() {
        try {
            return MAPPER.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> mustKeep() {
        List<String> out = new ArrayList<>();
        expect.path("must_keep").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Texts of every tool output in the request, whatever its wire format. */
    public List<String> toolOutputs() {
        List<String> out = new ArrayList<>();
        for (JsonNode m : request.path("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                out.add(m.path("content").asText());
            }
            for (JsonNode b : m.path("content")) {
                if ("tool_result".equals(b.path("type").asText())) {
                    out.add(b.path("content").asText());
                }
            }
        }
        for (JsonNode item : request.path("input")) {
            if ("function_call_output".equals(item.path("type").asText())) {
                out.add(item.path("output").asText());
            }
        }
        return out;
    }

    /** All string leaves joined, like the corpus checker's needle search. */
    public static String allText(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString();
    }

    private static void collect(JsonNode n, StringBuilder sb) {
        if (n.isTextual()) {
            sb.append(n.textValue()).append('\n');
        } else if (n.isContainerNode()) {
            n.forEach(child -> collect(child, sb));
        } else if (!n.isNull()) {
            sb.append(n).append('\n');
        }
    }
}
