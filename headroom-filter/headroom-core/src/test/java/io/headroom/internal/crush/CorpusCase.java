package io.headroom.internal.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A conformance-corpus request (copied from the shared corpus into test resources) with its tool output and
 * the user's last question pulled out of whichever wire format the request uses.
 */
final class CorpusCase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String name;
    final JsonNode file;
    final JsonNode request;
    /** The first tool output's text. */
    final String toolOutput;
    /** Puts a new text in place of the tool output inside {@link #request}. */
    private final Consumer<String> toolOutputSetter;
    final String lastUserText;

    private CorpusCase(String name, JsonNode file) {
        this.name = name;
        this.file = file;
        this.request = file.get("request");
        JsonNode items = request.has("messages") ? request.get("messages") : request.get("input");
        String tool = null;
        Consumer<String> setter = null;
        String user = null;
        for (JsonNode m : items) {
            if ("user".equals(m.path("role").asText())) {
                String t = userText(m.get("content"));
                if (t != null) user = t;
            }
            if (tool != null) continue;
            if ("tool".equals(m.path("role").asText())) {
                tool = m.get("content").asText();
                setter = s -> ((ObjectNode) m).set("content", TextNode.valueOf(s));
            } else if ("function_call_output".equals(m.path("type").asText())) {
                tool = m.get("output").asText();
                setter = s -> ((ObjectNode) m).set("output", TextNode.valueOf(s));
            } else if (m.path("content").isArray()) {
                for (JsonNode block : m.get("content")) {
                    if ("tool_result".equals(block.path("type").asText()) && block.get("content").isTextual()) {
                        tool = block.get("content").asText();
                        setter = s -> ((ObjectNode) block).set("content", TextNode.valueOf(s));
                        break;
                    }
                }
            }
        }
        if (tool == null) throw new IllegalStateException(name + ": no tool output");
        this.toolOutput = tool;
        this.toolOutputSetter = setter;
        this.lastUserText = user;
    }

    static CorpusCase load(String name) {
        try (InputStream in = CorpusCase.class.getResourceAsStream("/crush/" + name + ".json")) {
            if (in == null) throw new IllegalStateException("missing test resource crush/" + name + ".json");
            return new CorpusCase(name, MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> mustKeep() {
        List<String> out = new ArrayList<>();
        file.path("expect").path("must_keep").forEach(n -> out.add(n.asText()));
        return out;
    }

    int minSavingsPercent() {
        return file.path("expect").path("min_savings").asInt();
    }

    /** The whole request serialized with {@code toolText} in place of the tool output. */
    String requestWith(String toolText) {
        toolOutputSetter.accept(toolText);
        try {
            return MAPPER.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            toolOutputSetter.accept(toolOutput);
        }
    }

    private static String userText(JsonNode content) {
        if (content == null) return null;
        if (content.isTextual()) return content.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            if ("text".equals(type) || "input_text".equals(type)) sb.append(block.path("text").asText());
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
