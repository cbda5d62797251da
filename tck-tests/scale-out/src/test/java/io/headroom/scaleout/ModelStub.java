package io.headroom.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.headroom.tck.stub.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model behind both replicas (Chat Completions, streamed and not), on loopback. It records every body a
 * replica forwards. A user message {@code recall:<hash>} in a request that offers headroom_retrieve makes it call
 * the tool for that hash, as a model reading a marker would; the follow-up holding the tool result is answered
 * with text and the result is recorded, so a test can compare it with the original.
 */
final class ModelStub implements AutoCloseable {
    static final String FINAL_TEXT = "Read the full list.";
    private static final Pattern MARKER_HASH = Pattern.compile("hash=([0-9a-f]+)");
    private static final Pattern RECALL = Pattern.compile("recall:([0-9a-f]+)");
    private static final String CALL_ID = "call_recall";

    private final ObjectMapper mapper = new ObjectMapper();
    private final LoopbackHttpServer server;
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final List<String> toolResults = new CopyOnWriteArrayList<>();

    ModelStub() throws IOException {
        server = LoopbackHttpServer.start("scale-out-model-stub", this::handle);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Every hash in a marker of any body a replica forwarded so far. */
    Set<String> markerHashes() {
        Set<String> hashes = new LinkedHashSet<>();
        forwarded.forEach(body -> hashes.addAll(markerHashes(body)));
        return hashes;
    }

    /** The hashes in the markers of one forwarded body. */
    static Set<String> markerHashes(String body) {
        Set<String> hashes = new LinkedHashSet<>();
        Matcher m = MARKER_HASH.matcher(body);
        while (m.find()) {
            hashes.add(m.group(1));
        }
        return hashes;
    }

    /** The bodies forwarded so far, in arrival order. */
    List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    /** The headroom_retrieve results the replicas sent back in follow-ups, in arrival order. */
    List<String> toolResults() {
        return List.copyOf(toolResults);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            forwarded.add(raw);
            JsonNode body = mapper.readTree(raw);
            JsonNode messages = body.path("messages");
            JsonNode last = messages.path(messages.size() - 1);
            boolean stream = body.path("stream").asBoolean(false);
            if ("tool".equals(last.path("role").asText()) && CALL_ID.equals(last.path("tool_call_id").asText())) {
                toolResults.add(last.path("content").asText());
                reply(ex, stream, text(stream));
                return;
            }
            String recall = recalledHash(messages);
            boolean offersTool = raw.contains("\"headroom_retrieve\"");
            reply(ex, stream, recall != null && offersTool ? toolCall(recall, stream) : List.of(textJson("stub answer")));
        }
    }

    private static String recalledHash(JsonNode messages) {
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                Matcher r = RECALL.matcher(m.path("content").asText());
                if (r.find()) {
                    return r.group(1);
                }
            }
        }
        return null;
    }

    /** Non-streamed: one JSON body; streamed: the SSE events, the last one {@code [DONE]}. */
    private static void reply(HttpExchange ex, boolean stream, List<String> parts) throws IOException {
        ex.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
        if (!stream) {
            byte[] bytes = parts.get(0).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            return;
        }
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (String event : parts) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static List<String> text(boolean stream) {
        if (!stream) {
            return List.of(textJson(FINAL_TEXT));
        }
        return List.of(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                chunk("{\"content\":\"" + FINAL_TEXT + "\"}", null),
                chunk("{}", "stop"),
                "data: [DONE]\n\n");
    }

    private static String textJson(String text) {
        return "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}";
    }

    private static List<String> toolCall(String hash, boolean stream) {
        String args = "{\\\"hash\\\":\\\"" + hash + "\\\"}";
        if (!stream) {
            return List.of("{\"id\":\"chatcmpl-call\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + CALL_ID + "\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"" + args + "\"}}]},"
                    + "\"finish_reason\":\"tool_calls\"}]}");
        }
        List<String> events = new ArrayList<>();
        events.add(chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + CALL_ID
                + "\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]}", null));
        events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + args + "\"}}]}", null));
        events.add(chunk("{}", "tool_calls"));
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    @Override
    public void close() {
        server.close();
    }
}
