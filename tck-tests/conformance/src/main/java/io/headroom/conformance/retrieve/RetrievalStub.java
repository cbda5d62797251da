package io.headroom.conformance.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in model on loopback that uses headroom_retrieve the way a real one would: asked a question
 * over compressed data it calls headroom_retrieve with the hash from the request's marker; given the
 * tool result it answers with text that quotes {@link #NEEDLE} if (and only if) the tool result it
 * got contains it (and, when {@link #expectOriginal} was set, is exactly that original), else with
 * {@link #MISSING}. With {@code x-stub-retrieve: always} it never stops calling. Speaks OpenAI chat, the
 * Responses API and Anthropic Messages, JSON and SSE; a streamed chat call comes in gpt-4o's shape (the role
 * and the tool call in the first chunk).
 *
 * <p>Follow-ups (requests that carry the retrieve result) can be made to fail: {@code x-stub-followup: 429}
 * (with {@code retry-after: 7}) or {@code 500} answers that status with an error body; {@code x-stub-followup:
 * hang} streams the start of the answer, then keeps the stream open with pings until the connection is closed,
 * which {@link #awaitHangUp} reports.
 *
 * <p>Shared by every host's retrieve tests (the sample gateway, Spring Boot, Spring Cloud Gateway Server MVC).
 */
public final class RetrievalStub implements AutoCloseable {
    public static final String NEEDLE = "order-00057";
    public static final String MISSING = "the tool result did not contain the needle";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{8,})");

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;
    private final java.util.concurrent.CountDownLatch hungUp = new java.util.concurrent.CountDownLatch(1);
    private volatile String expectedOriginal;

    public RetrievalStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
        expectedOriginal = null;
    }

    /** From now on the final answer names the needle only if the retrieve result is exactly {@code original}. */
    public void expectOriginal(String original) {
        expectedOriginal = original;
    }

    /** True once a hanging follow-up stream found its connection closed (the gateway cancelled the call). */
    public boolean awaitHangUp(long seconds) throws InterruptedException {
        return hungUp.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = mapper.readTree(ex.getRequestBody().readAllBytes());
            received.add(body);
            String path = ex.getRequestURI().getPath();
            boolean anthropic = path.endsWith("/messages");
            boolean responses = path.endsWith("/responses");
            boolean always = "always".equals(ex.getRequestHeaders().getFirst("x-stub-retrieve"));
            String toolResult = anthropic ? lastAnthropicToolResult(body)
                    : responses ? lastResponsesToolResult(body) : lastChatToolResult(body);
            String failFollowUp = ex.getRequestHeaders().getFirst("x-stub-followup");
            if (toolResult != null && ("429".equals(failFollowUp) || "500".equals(failFollowUp))) {
                refuse(ex, Integer.parseInt(failFollowUp));
                return;
            }
            Matcher m = HASH.matcher(body.toString());
            String hash = m.find() ? m.group(1) : null;
            boolean call = hash != null && (always || toolResult == null);
            String expected = expectedOriginal;
            boolean retrieved = toolResult != null && toolResult.contains(NEEDLE)
                    && (expected == null || expected.equals(toolResult));
            String text = retrieved ? "The full list includes " + NEEDLE + "." : toolResult != null ? MISSING : "stub answer";
            boolean stream = body.path("stream").asBoolean(false);
            List<String> events = new ArrayList<>();
            String json;
            if (anthropic) {
                json = call ? anthropicCall(hash, received.size(), stream, events) : anthropicText(text, stream, events);
            } else if (responses) {
                json = call ? responsesCall(hash, received.size(), stream, events) : responsesText(text, stream, events);
            } else {
                json = call ? chatCall(hash, received.size(), stream, events) : chatText(text, stream, events);
            }
            if (stream) {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                boolean hang = toolResult != null && "hang".equals(failFollowUp);
                for (String e : hang ? events.subList(0, 3) : events) {
                    out.write(e.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (hang) {
                    hangUntilClosed(out);
                }
            } else {
                byte[] data = json.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.getResponseHeaders().add("x-request-id", "req_" + received.size());
                ex.sendResponseHeaders(200, data.length);
                ex.getResponseBody().write(data);
            }
        }
    }

    private static void refuse(HttpExchange ex, int status) throws IOException {
        byte[] error = ("{\"error\":{\"type\":\"" + (status == 429 ? "rate_limit_error" : "server_error")
                + "\",\"message\":\"stub refused the follow-up\"}}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 429) {
            ex.getResponseHeaders().add("retry-after", "7");
        }
        ex.sendResponseHeaders(status, error.length);
        ex.getResponseBody().write(error);
    }

    private void hangUntilClosed(OutputStream out) {
        try {
            for (int i = 0; i < 600; i++) {
                Thread.sleep(50);
                out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            hungUp.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The output of the input's last function_call_output when it answers a headroom_retrieve call. */
    private static String lastResponsesToolResult(JsonNode body) {
        JsonNode input = body.path("input");
        JsonNode last = input.path(input.size() - 1);
        if (!"function_call_output".equals(last.path("type").asText())) {
            return null;
        }
        for (JsonNode item : input) {
            if ("function_call".equals(item.path("type").asText())
                    && item.path("call_id").asText().equals(last.path("call_id").asText())) {
                return "headroom_retrieve".equals(item.path("name").asText()) ? last.path("output").asText() : null;
            }
        }
        return "";
    }

    private String responsesCall(String hash, int n, boolean stream, List<String> events) {
        String item = "{\"type\":\"function_call\",\"id\":\"fc_r" + n + "\",\"call_id\":\"call_r" + n + "\","
                + "\"name\":\"headroom_retrieve\",\"arguments\":" + quote("{\"hash\":\"" + hash + "\"}")
                + ",\"status\":\"completed\"}";
        String id = "resp_r" + n;
        if (stream) {
            int seq = 0;
            events.add(event("response.created", "{\"type\":\"response.created\",\"sequence_number\":" + seq++
                    + ",\"response\":" + response(id, "in_progress", "") + "}"));
            events.add(event("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":"
                    + seq++ + ",\"response\":" + response(id, "in_progress", "") + "}"));
            events.add(event("response.output_item.added", "{\"type\":\"response.output_item.added\","
                    + "\"sequence_number\":" + seq++ + ",\"output_index\":0,\"item\":"
                    + item.replace("\"arguments\":" + quote("{\"hash\":\"" + hash + "\"}"), "\"arguments\":\"\"")
                    .replace("completed", "in_progress") + "}"));
            events.add(event("response.function_call_arguments.delta", "{\"type\":"
                    + "\"response.function_call_arguments.delta\",\"sequence_number\":" + seq++ + ",\"item_id\":\"fc_r"
                    + n + "\",\"output_index\":0,\"delta\":" + quote("{\"hash\":\"" + hash + "\"}") + "}"));
            events.add(event("response.function_call_arguments.done", "{\"type\":"
                    + "\"response.function_call_arguments.done\",\"sequence_number\":" + seq++ + ",\"item_id\":\"fc_r"
                    + n + "\",\"output_index\":0,\"arguments\":" + quote("{\"hash\":\"" + hash + "\"}") + "}"));
            events.add(event("response.output_item.done", "{\"type\":\"response.output_item.done\","
                    + "\"sequence_number\":" + seq++ + ",\"output_index\":0,\"item\":" + item + "}"));
            events.add(event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":" + seq
                    + ",\"response\":" + response(id, "completed", item) + "}"));
        }
        return response(id, "completed", item);
    }

    private String responsesText(String text, boolean stream, List<String> events) {
        String id = "resp_final";
        String done = "{\"type\":\"message\",\"id\":\"msg_final\",\"status\":\"completed\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":" + quote(text) + ",\"annotations\":[]}]}";
        if (stream) {
            int seq = 0;
            String part = "{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}";
            events.add(event("response.created", "{\"type\":\"response.created\",\"sequence_number\":" + seq++
                    + ",\"response\":" + response(id, "in_progress", "") + "}"));
            events.add(event("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":"
                    + seq++ + ",\"response\":" + response(id, "in_progress", "") + "}"));
            events.add(event("response.output_item.added", "{\"type\":\"response.output_item.added\","
                    + "\"sequence_number\":" + seq++ + ",\"output_index\":0,\"item\":{\"type\":\"message\","
                    + "\"id\":\"msg_final\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}"));
            events.add(event("response.content_part.added", "{\"type\":\"response.content_part.added\","
                    + "\"sequence_number\":" + seq++ + ",\"item_id\":\"msg_final\",\"output_index\":0,"
                    + "\"content_index\":0,\"part\":" + part + "}"));
            int half = text.length() / 2;
            for (String piece : List.of(text.substring(0, half), text.substring(half))) {
                events.add(event("response.output_text.delta", "{\"type\":\"response.output_text.delta\","
                        + "\"sequence_number\":" + seq++ + ",\"item_id\":\"msg_final\",\"output_index\":0,"
                        + "\"content_index\":0,\"delta\":" + quote(piece) + ",\"logprobs\":[]}"));
            }
            events.add(event("response.output_text.done", "{\"type\":\"response.output_text.done\","
                    + "\"sequence_number\":" + seq++ + ",\"item_id\":\"msg_final\",\"output_index\":0,"
                    + "\"content_index\":0,\"text\":" + quote(text) + ",\"logprobs\":[]}"));
            events.add(event("response.content_part.done", "{\"type\":\"response.content_part.done\","
                    + "\"sequence_number\":" + seq++ + ",\"item_id\":\"msg_final\",\"output_index\":0,"
                    + "\"content_index\":0,\"part\":" + part.replace("\"text\":\"\"", "\"text\":" + quote(text)) + "}"));
            events.add(event("response.output_item.done", "{\"type\":\"response.output_item.done\","
                    + "\"sequence_number\":" + seq++ + ",\"output_index\":0,\"item\":" + done + "}"));
            events.add(event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":" + seq
                    + ",\"response\":" + response(id, "completed", done) + "}"));
        }
        return response(id, "completed", done);
    }

    private static String response(String id, String status, String output) {
        return "{\"id\":\"" + id + "\",\"object\":\"response\",\"created_at\":1700000000,\"status\":\"" + status
                + "\",\"model\":\"gpt-4o\",\"output\":[" + output + "],\"parallel_tool_calls\":true,\"tool_choice\":"
                + "\"auto\",\"tools\":[],\"error\":null,\"incomplete_details\":null,\"usage\":"
                + (status.equals("completed") ? "{\"input_tokens\":10,\"output_tokens\":5,\"total_tokens\":15}" : "null")
                + "}";
    }

    private static String lastChatToolResult(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        if (!"tool".equals(last.path("role").asText())) {
            return null;
        }
        // the tool result must answer the assistant's headroom_retrieve call just before it
        JsonNode call = messages.path(messages.size() - 2).path("tool_calls").path(0);
        if (!"headroom_retrieve".equals(call.at("/function/name").asText())) {
            return null; // the client's own tool result: the conversation has not retrieved yet
        }
        return call.path("id").asText().equals(last.path("tool_call_id").asText()) ? last.path("content").asText() : "";
    }

    private static String lastAnthropicToolResult(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        JsonNode block = last.path("content").path(0);
        if (!"tool_result".equals(block.path("type").asText())) {
            return null;
        }
        JsonNode assistant = messages.path(messages.size() - 2);
        for (JsonNode b : assistant.path("content")) {
            if ("tool_use".equals(b.path("type").asText()) && b.path("id").asText().equals(block.path("tool_use_id").asText())) {
                return "headroom_retrieve".equals(b.path("name").asText()) ? block.path("content").asText() : null;
            }
        }
        return "";
    }

    private String chatCall(String hash, int n, boolean stream, List<String> events) {
        String id = "call_r" + n;
        String args = "{\"hash\":\"" + hash + "\"}";
        if (stream) {
            events.add(chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + id
                    + "\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]}", null));
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(args.substring(0, 5)) + "}}]}", null));
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(args.substring(5)) + "}}]}", null));
            events.add(chunk("{}", "tool_calls"));
            events.add("data: [DONE]\n\n");
        }
        return "{\"id\":\"chatcmpl-r" + n + "\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + id + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":" + quote(args) + "}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}";
    }

    private String chatText(String text, boolean stream, List<String> events) {
        if (stream) {
            events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            int half = text.length() / 2;
            events.add(chunk("{\"content\":" + quote(text.substring(0, half)) + "}", null));
            events.add(chunk("{\"content\":" + quote(text.substring(half)) + "}", null));
            events.add(chunk("{}", "stop"));
            events.add("data: [DONE]\n\n");
        }
        return "{\"id\":\"chatcmpl-final\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":" + quote(text) + "},\"finish_reason\":\"stop\"}]}";
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private String anthropicCall(String hash, int n, boolean stream, List<String> events) {
        String id = "toolu_r" + n;
        if (stream) {
            events.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_r" + n + "\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"stub\",\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"));
            events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me fetch that.\"}}"));
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                    + "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"headroom_retrieve\",\"input\":{}}}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":" + quote("{\"hash\": \"") + "}}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":" + quote(hash + "\"}") + "}}"));
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"));
            events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
                    + "\"usage\":{\"output_tokens\":20}}"));
            events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        }
        return "{\"id\":\"msg_r" + n + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stub\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Let me fetch that.\"},{\"type\":\"tool_use\",\"id\":\"" + id + "\","
                + "\"name\":\"headroom_retrieve\",\"input\":{\"hash\":\"" + hash + "\"}}],\"stop_reason\":\"tool_use\"}";
    }

    private String anthropicText(String text, boolean stream, List<String> events) {
        if (stream) {
            events.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_final\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"stub\",\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"));
            events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            events.add(event("ping", "{\"type\":\"ping\"}"));
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(text) + "}}"));
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                    + "\"usage\":{\"output_tokens\":12}}"));
            events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        }
        return "{\"id\":\"msg_final\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stub\",\"content\":["
                + "{\"type\":\"text\",\"text\":" + quote(text) + "}],\"stop_reason\":\"end_turn\"}";
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private String quote(String s) {
        ObjectNode holder = mapper.createObjectNode().put("v", s);
        return holder.get("v").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
