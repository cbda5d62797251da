package io.headroom.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@link RecordingStub} plays when a request names a scenario in {@value RecordingStub#SCRIPT_HEADER}:
 * a model that answers a request whose tool output went to CCR (it holds a {@code hash=} marker) <em>and</em> that
 * offers the {@code headroom_retrieve} tool with a call for that hash, in the scenario's provider shape, and the
 * follow-up (the request answering that call) with {@link #FOUND} when the tool result is the original tool output
 * byte for byte, else {@link #MISSING} (or the scenario's failure). A request without the tool gets the final answer
 * right away: what a host that does not offer the tool relays to its client.
 */
public final class RetrieveScript {
    /** The model's text once the retrieve call gave it the original. */
    public static final String FOUND = "Found " + LlmRequests.ERROR_CODE + " on " + LlmRequests.ERROR_REQUEST_ID + ".";
    /** The model's text when the tool result was not the original. */
    public static final String MISSING = "the tool result was not the original";
    /** The text some shapes stream before the call (Claude's usual shape, or OpenAI's text-before-tool-call). */
    public static final String PREAMBLE = "Let me fetch that.";
    /** The id of the model's headroom_retrieve call. */
    public static final String CALL_ID = "call_hr";
    /** The answer to a refused follow-up (status 429). */
    public static final String RATE_LIMITED = "{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}";
    /** The {@code retry-after} of a refused follow-up. */
    public static final String RETRY_AFTER = "7";
    /** The answer to a failed follow-up (status 500). */
    public static final String SERVER_ERROR = "{\"error\":{\"type\":\"server_error\",\"message\":\"upstream broke\"}}";
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{8,})");

    private RetrieveScript() {
    }

    /** The provider API a scenario speaks. */
    public enum Shape {
        CHAT("/v1/chat/completions"), RESPONSES("/v1/responses"), ANTHROPIC("/v1/messages");

        private final String path;

        Shape(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** One scripted exchange: the shape, whether streamed, and how the rounds go. */
    public enum Scenario {
        CHAT_JSON(Shape.CHAT, false),
        /** gpt-4o's usual shape: role and the tool call in the first chunk. */
        CHAT_STREAM_ROLE_FIRST(Shape.CHAT, true),
        /** Some text streamed before the tool call. */
        CHAT_STREAM_TEXT_FIRST(Shape.CHAT, true),
        RESPONSES_JSON(Shape.RESPONSES, false),
        RESPONSES_STREAM(Shape.RESPONSES, true),
        ANTHROPIC_JSON(Shape.ANTHROPIC, false),
        /** Claude's shape: a text block, then the tool_use block. */
        ANTHROPIC_STREAM(Shape.ANTHROPIC, true),
        /** A role-first streamed call whose follow-up is refused 429 with retry-after: no client byte was sent yet. */
        FOLLOW_UP_429(Shape.CHAT, true),
        /** A text-first streamed call whose follow-up fails 500 after the text reached the client. */
        FOLLOW_UP_500(Shape.CHAT, true),
        /** Text, then the stream stays open (keep-alive comments) until the client goes away. */
        CLIENT_DISCONNECTS(Shape.CHAT, true),
        /** The final answer right away although the tool is offered: the baseline of the latency measurement. */
        NO_CALL_JSON(Shape.CHAT, false),
        NO_CALL_STREAM(Shape.CHAT, true);

        private final Shape shape;
        private final boolean streamed;

        Scenario(Shape shape, boolean streamed) {
            this.shape = shape;
            this.streamed = streamed;
        }

        public Shape shape() {
            return shape;
        }

        public boolean streamed() {
            return streamed;
        }

        /** The request the client sends: the shape's request from {@link LlmRequests}, streamed when the scenario is. */
        public byte[] request() {
            byte[] body = switch (shape) {
                case CHAT -> LlmRequests.openAiChat();
                case RESPONSES -> LlmRequests.responses();
                case ANTHROPIC -> LlmRequests.anthropicMessages();
            };
            if (!streamed) {
                return body;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            return ("{\"stream\":true," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A scripted answer: status, headers, and the body in the pieces the stub flushes one by one. */
    public record Answer(int status, String contentType, String retryAfter, List<String> pieces) {

        /** The whole body, as a client that got it unchanged receives it. */
        public byte[] bytes() {
            return String.join("", pieces).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The answer to a request with neither the tool nor a retrieve result: the final answer, as the model gives it. */
    public static Answer direct(Scenario scenario) {
        return text(scenario.shape(), scenario.streamed(), FOUND);
    }

    /**
     * The answer to {@code request} in round {@code round} of {@code scenario}; null for {@link Scenario#CLIENT_DISCONNECTS}
     * in round 1 (the stub streams that one itself).
     */
    public static Answer answer(Scenario scenario, int round, JsonNode request, String requestText) {
        Shape shape = scenario.shape();
        boolean offered = requestText.contains("\"headroom_retrieve\"");
        Matcher hash = HASH.matcher(requestText);
        if (round == 1 && offered && hash.find() && scenario != Scenario.NO_CALL_JSON
                && scenario != Scenario.NO_CALL_STREAM) {
            if (scenario == Scenario.CLIENT_DISCONNECTS) {
                return null;
            }
            boolean preamble = scenario == Scenario.CHAT_STREAM_TEXT_FIRST || scenario == Scenario.FOLLOW_UP_500
                    || shape == Shape.ANTHROPIC;
            return call(shape, scenario.streamed(), hash.group(1), preamble);
        }
        if (round > 1 && scenario == Scenario.FOLLOW_UP_429) {
            return new Answer(429, "application/json", RETRY_AFTER, List.of(RATE_LIMITED));
        }
        if (round > 1 && scenario == Scenario.FOLLOW_UP_500) {
            return new Answer(500, "application/json", null, List.of(SERVER_ERROR));
        }
        if (round == 1) {
            return direct(scenario);
        }
        String result = retrieveResult(shape, request);
        return text(shape, scenario.streamed(), LlmRequests.logs().equals(result) ? FOUND : MISSING);
    }

    /** The first chunk of {@link Scenario#CLIENT_DISCONNECTS}: role and some text. */
    public static String openingChunk() {
        return Chat.chunk("{\"role\":\"assistant\",\"content\":" + quote(PREAMBLE) + "}", null);
    }

    /** The tool result answering our call when the request's last item is one, else null. */
    private static String retrieveResult(Shape shape, JsonNode body) {
        return switch (shape) {
            case CHAT -> {
                JsonNode last = last(body.path("messages"));
                yield CALL_ID.equals(last.path("tool_call_id").asText()) ? last.path("content").asText() : null;
            }
            case RESPONSES -> {
                JsonNode last = last(body.path("input"));
                yield "function_call_output".equals(last.path("type").asText())
                        && CALL_ID.equals(last.path("call_id").asText()) ? last.path("output").asText() : null;
            }
            case ANTHROPIC -> {
                JsonNode block = last(body.path("messages")).path("content").path(0);
                yield "tool_result".equals(block.path("type").asText())
                        && CALL_ID.equals(block.path("tool_use_id").asText()) ? block.path("content").asText() : null;
            }
        };
    }

    private static Answer call(Shape shape, boolean streamed, String hash, boolean preamble) {
        String arguments = "{\"hash\":\"" + hash + "\"}";
        if (!streamed) {
            return json(switch (shape) {
                case CHAT -> "{\"id\":\"chatcmpl-call\",\"object\":\"chat.completion\",\"created\":1700000000,"
                        + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + (preamble ? quote(PREAMBLE) : "null") + ",\"tool_calls\":[{\"id\":\"" + CALL_ID + "\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":"
                        + quote(arguments) + "}}]},\"finish_reason\":\"tool_calls\"}],"
                        + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":9,\"total_tokens\":909}}";
                case RESPONSES -> Responses.response("resp_call", "completed", Responses.callItem(quote(arguments),
                        "completed"));
                case ANTHROPIC -> "{\"id\":\"msg_call\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                        + "\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":" + quote(PREAMBLE) + "},"
                        + "{\"type\":\"tool_use\",\"id\":\"" + CALL_ID + "\",\"name\":\"headroom_retrieve\",\"input\":"
                        + arguments + "}],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":900,\"output_tokens\":9}}";
            });
        }
        return sse(switch (shape) {
            case CHAT -> Chat.call(arguments, preamble);
            case RESPONSES -> new Responses().call(arguments);
            case ANTHROPIC -> Anthropic.call(hash);
        });
    }

    private static Answer text(Shape shape, boolean streamed, String text) {
        if (!streamed) {
            return json(switch (shape) {
                case CHAT -> "{\"id\":\"chatcmpl-final\",\"object\":\"chat.completion\",\"created\":1700000000,"
                        + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + quote(text) + "},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":12,\"total_tokens\":1212}}";
                case RESPONSES -> Responses.response("resp_final", "completed", Responses.messageItem(text));
                case ANTHROPIC -> "{\"id\":\"msg_final\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                        + "\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":" + quote(text) + "}],"
                        + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":1200,\"output_tokens\":12}}";
            });
        }
        return sse(switch (shape) {
            case CHAT -> Chat.text(text);
            case RESPONSES -> new Responses().text(text);
            case ANTHROPIC -> Anthropic.text(text);
        });
    }

    private static Answer json(String body) {
        return new Answer(200, "application/json", null, List.of(body));
    }

    private static Answer sse(List<String> events) {
        return new Answer(200, "text/event-stream", null, events);
    }

    /** OpenAI chat completion chunks. */
    private static final class Chat {
        static List<String> call(String arguments, boolean preamble) {
            List<String> events = new ArrayList<>();
            String toolCall = "\"tool_calls\":[{\"index\":0,\"id\":\"" + CALL_ID + "\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]";
            if (preamble) {
                events.add(chunk("{\"role\":\"assistant\",\"content\":" + quote(PREAMBLE) + "}", null));
                events.add(chunk("{" + toolCall + "}", null));
            } else {
                events.add(chunk("{\"role\":\"assistant\",\"content\":null," + toolCall + "}", null));
            }
            events.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(arguments) + "}}]}",
                    null));
            events.add(chunk("{}", "tool_calls"));
            events.add("data: [DONE]\n\n");
            return events;
        }

        static List<String> text(String text) {
            int half = text.length() / 2;
            return List.of(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
                    chunk("{\"content\":" + quote(text.substring(0, half)) + "}", null),
                    chunk("{\"content\":" + quote(text.substring(half)) + "}", null),
                    chunk("{}", "stop"), "data: [DONE]\n\n");
        }

        static String chunk(String delta, String finish) {
            return "data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                    + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                    + (finish == null ? "null" : quote(finish)) + "}]}\n\n";
        }
    }

    /** OpenAI Responses events. */
    private static final class Responses {
        private final List<String> events = new ArrayList<>();

        static String callItem(String arguments, String status) {
            return "{\"type\":\"function_call\",\"id\":\"fc_hr\",\"call_id\":\"" + CALL_ID + "\","
                    + "\"name\":\"headroom_retrieve\",\"arguments\":" + arguments + ",\"status\":\"" + status + "\"}";
        }

        static String messageItem(String text) {
            return "{\"type\":\"message\",\"id\":\"msg_final\",\"status\":\"completed\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"output_text\",\"text\":" + quote(text) + ",\"annotations\":[]}]}";
        }

        List<String> call(String rawArguments) {
            String arguments = quote(rawArguments);
            String done = callItem(arguments, "completed");
            open("resp_call");
            add("response.output_item.added", "\"output_index\":0,\"item\":" + callItem("\"\"", "in_progress"));
            add("response.function_call_arguments.delta", "\"item_id\":\"fc_hr\",\"output_index\":0,\"delta\":" + arguments);
            add("response.function_call_arguments.done", "\"item_id\":\"fc_hr\",\"output_index\":0,\"arguments\":" + arguments);
            add("response.output_item.done", "\"output_index\":0,\"item\":" + done);
            add("response.completed", "\"response\":" + response("resp_call", "completed", done));
            return events;
        }

        List<String> text(String text) {
            String part = "{\"type\":\"output_text\",\"text\":%s,\"annotations\":[]}";
            String at = "\"item_id\":\"msg_final\",\"output_index\":0,\"content_index\":0,";
            String done = messageItem(text);
            open("resp_final");
            add("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_final\","
                    + "\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}");
            add("response.content_part.added", at + "\"part\":" + part.formatted("\"\""));
            int half = text.length() / 2;
            add("response.output_text.delta", at + "\"delta\":" + quote(text.substring(0, half)) + ",\"logprobs\":[]");
            add("response.output_text.delta", at + "\"delta\":" + quote(text.substring(half)) + ",\"logprobs\":[]");
            add("response.output_text.done", at + "\"text\":" + quote(text) + ",\"logprobs\":[]");
            add("response.content_part.done", at + "\"part\":" + part.formatted(quote(text)));
            add("response.output_item.done", "\"output_index\":0,\"item\":" + done);
            add("response.completed", "\"response\":" + response("resp_final", "completed", done));
            return events;
        }

        private void open(String id) {
            add("response.created", "\"response\":" + response(id, "in_progress", ""));
            add("response.in_progress", "\"response\":" + response(id, "in_progress", ""));
        }

        private void add(String type, String fields) {
            events.add(event(type, "{\"type\":\"" + type + "\",\"sequence_number\":" + events.size() + "," + fields + "}"));
        }

        static String response(String id, String status, String output) {
            return "{\"id\":\"" + id + "\",\"object\":\"response\",\"created_at\":1700000000,\"status\":\"" + status
                    + "\",\"model\":\"gpt-4o\",\"output\":[" + output + "],\"parallel_tool_calls\":true,"
                    + "\"tool_choice\":\"auto\",\"tools\":[],\"error\":null,\"incomplete_details\":null,\"usage\":"
                    + ("completed".equals(status) ? "{\"input_tokens\":10,\"output_tokens\":5,\"total_tokens\":15}" : "null")
                    + "}";
        }
    }

    /** Anthropic message events. */
    private static final class Anthropic {
        static List<String> call(String hash) {
            return List.of(start("msg_call"), textBlock(0, PREAMBLE),
                    event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                            + "{\"type\":\"tool_use\",\"id\":\"" + CALL_ID + "\",\"name\":\"headroom_retrieve\",\"input\":{}}}"),
                    event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                            + "{\"type\":\"input_json_delta\",\"partial_json\":" + quote("{\"hash\": \"" + hash + "\"}") + "}}"),
                    event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"),
                    end("tool_use"));
        }

        static List<String> text(String text) {
            return List.of(start("msg_final"), event("ping", "{\"type\":\"ping\"}"), textBlock(0, text), end("end_turn"));
        }

        private static String start(String id) {
            return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"" + id + "\",\"type\":"
                    + "\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\","
                    + "\"stop_reason\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}");
        }

        private static String textBlock(int index, String text) {
            return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                    + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                    + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                    + ",\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(text) + "}}")
                    + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
        }

        private static String end(String stopReason) {
            return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                    + "\"},\"usage\":{\"output_tokens\":12}}") + event("message_stop", "{\"type\":\"message_stop\"}");
        }
    }

    private static JsonNode last(JsonNode array) {
        return array.path(array.size() - 1);
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String quote(String s) {
        return TextNode.valueOf(s).toString();
    }
}
