package io.headroom.host.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.RetrieveResult;
import io.headroom.host.retrieve.RetrieveLoop.AnswerKind;
import io.headroom.host.retrieve.RetrieveLoop.Deliver;
import io.headroom.host.retrieve.RetrieveLoop.FollowUp;
import io.headroom.host.retrieve.RetrieveLoop.Step;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The core retrieve loop driven as a host drives it, with real provider-shaped answers and streams. */
class RetrieveLoopTest {
    static final String HASH = "abcdef0123456789abcdef01";
    static final String ORIGINAL = "[{\"id\":1,\"msg\":\"ok\"},{\"id\":2,\"msg\":\"DB-POOL-EXHAUSTED \\u00e9\"}]";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Headroom HEADROOM = Headroom.create(HeadroomConfig.defaults());
    private static final RetrieveSource STORE = (hash, query) -> {
        if (!HASH.equals(hash)) {
            throw new HeadroomException(ErrorType.NOT_FOUND, "unknown");
        }
        return new RetrieveResult(HASH, ORIGINAL, 20, 2, 1, "t", 1, null, List.of());
    };

    static final String CHAT_REQUEST = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"why?\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\"}}]}";
    static final String ANTHROPIC_REQUEST = "{\"model\":\"claude\",\"max_tokens\":100,\"stream\":true,\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"why?\"}],\"tools\":[{\"name\":\"headroom_retrieve\"}]}";
    static final String RESPONSES_REQUEST = "{\"model\":\"gpt-4o\",\"stream\":true,\"input\":\"why?\","
            + "\"tools\":[{\"type\":\"function\",\"name\":\"headroom_retrieve\"}]}";

    @AfterAll
    static void close() {
        HEADROOM.close();
    }

    private static RetrieveLoop loop(Endpoint endpoint, String request) {
        return RetrieveLoop.start(HEADROOM, endpoint, request.getBytes(StandardCharsets.UTF_8), STORE).orElseThrow();
    }

    static String sse(String event, String data) {
        return (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
    }

    static String chatChunk(String id, String delta, String finish) {
        return sse(null, "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}");
    }

    /** gpt-4o's usual shape: the first chunk carries the role and the tool call together. */
    static String chatRetrieveCallStream() {
        return chatChunk("chatcmpl-1", "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]}",
                "null")
                + chatChunk("chatcmpl-1", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"hash\\\":\\\""
                + HASH + "\\\"}\"}}]}", "null")
                + chatChunk("chatcmpl-1", "{}", "\"tool_calls\"")
                + "data: [DONE]\n\n";
    }

    static String chatTextStream(String id, String... pieces) {
        StringBuilder s = new StringBuilder(chatChunk(id, "{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String p : pieces) {
            s.append(chatChunk(id, "{\"content\":\"" + p + "\"}", "null"));
        }
        return s.append(chatChunk(id, "{}", "\"stop\"")).append("data: [DONE]\n\n").toString();
    }

    /** Feeds {@code stream} in small chunks, as a network would, collecting what the client is sent. */
    private static Step stream(RetrieveLoop loop, String stream, ByteArrayOutputStream client) {
        assertEquals(AnswerKind.STREAM, loop.onAnswer(200, "text/event-stream; charset=utf-8"));
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 37) {
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 37));
            client.writeBytes(loop.onChunk(chunk));
        }
        Step step = loop.onStreamEnd();
        if (step instanceof Deliver d) {
            client.writeBytes(d.bytes());
        }
        return step;
    }

    private static List<JsonNode> dataOf(String stream) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (SseEvent e : new SseEventSplitter().feed(stream.getBytes(StandardCharsets.UTF_8))) {
            if (e.data() != null && !e.data().equals("[DONE]")) {
                out.add(JSON.readTree(e.data()));
            }
        }
        return out;
    }

    @Test
    void chatStreamWithTheRoleInTheFirstChunkGivesTheClientExactlyOneRoleOnItsFirstChunk() throws Exception {
        RetrieveLoop loop = loop(Endpoint.OPENAI_CHAT, CHAT_REQUEST);
        ByteArrayOutputStream client = new ByteArrayOutputStream();

        Step first = stream(loop, chatRetrieveCallStream(), client);
        assertEquals(0, client.size(), "the whole first answer is the held call");
        assertFalse(loop.clientBytesSent());
        FollowUp followUp = assertInstanceOf(FollowUp.class, first);
        JsonNode next = JSON.readTree(followUp.body());
        assertEquals(ORIGINAL, next.at("/messages/2/content").asText(), "the original goes back byte-identical");
        assertEquals("call_1", next.at("/messages/2/tool_call_id").asText());

        assertInstanceOf(Deliver.class, stream(loop, chatTextStream("chatcmpl-2", "Pool ", "exhausted"), client));
        String received = client.toString(StandardCharsets.UTF_8);
        List<JsonNode> chunks = dataOf(received);
        long roles = chunks.stream().filter(c -> c.at("/choices/0/delta").has("role")).count();
        assertEquals(1, roles, received);
        assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText(), "the role opens the stream");
        assertTrue(chunks.stream().allMatch(c -> c.path("id").asText().equals(chunks.get(0).path("id").asText())),
                "one chunk id throughout");
        assertFalse(received.contains(RetrieveTool.NAME));
        assertTrue(received.endsWith("data: [DONE]\n\n"));
        assertEquals(1, loop.rounds());
        assertTrue(loop.clientBytesSent());
    }

    @Test
    void chatTextBeforeTheCallKeepsTheFirstRoleAndDropsTheFollowUpsRole() throws Exception {
        RetrieveLoop loop = loop(Endpoint.OPENAI_CHAT, CHAT_REQUEST);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        String first = chatChunk("chatcmpl-1", "{\"role\":\"assistant\",\"content\":\"Let me look. \"}", "null")
                + chatChunk("chatcmpl-1", "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"{\\\"hash\\\":\\\"" + HASH + "\\\"}\"}}]}",
                "null")
                + chatChunk("chatcmpl-1", "{}", "\"tool_calls\"") + "data: [DONE]\n\n";
        assertInstanceOf(FollowUp.class, stream(loop, first, client));
        assertTrue(loop.clientBytesSent(), "the text before the call went out");
        stream(loop, chatTextStream("chatcmpl-2", "Found it"), client);

        List<JsonNode> chunks = dataOf(client.toString(StandardCharsets.UTF_8));
        assertEquals(1, chunks.stream().filter(c -> c.at("/choices/0/delta").has("role")).count());
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertEquals("Let me look. Found it", text.toString());
        assertEquals(1, chunks.stream().filter(c -> c.at("/choices/0/finish_reason").isTextual()).count(),
                "one finish reason: the held tool_calls one never reaches the client");
    }

    static String responsesCallStream(String id) {
        String fc = "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"headroom_retrieve\","
                + "\"arguments\":\"{\\\"hash\\\":\\\"" + HASH + "\\\"}\",\"status\":\"completed\"}";
        return sse("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\""
                + id + "\",\"object\":\"response\",\"created_at\":1,\"status\":\"in_progress\",\"model\":\"gpt-4o\","
                + "\"output\":[]}}")
                + sse("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":"
                + "{\"id\":\"" + id + "\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[]}}")
                + sse("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":2,"
                + "\"output_index\":0,\"item\":" + fc.replace("completed", "in_progress") + "}")
                + sse("response.function_call_arguments.done", "{\"type\":\"response.function_call_arguments.done\","
                + "\"sequence_number\":3,\"output_index\":0,\"item_id\":\"fc_1\",\"arguments\":\"{}\"}")
                + sse("response.output_item.done", "{\"type\":\"response.output_item.done\",\"sequence_number\":4,"
                + "\"output_index\":0,\"item\":" + fc + "}")
                + sse("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":5,\"response\":{\"id\":\""
                + id + "\",\"object\":\"response\",\"status\":\"completed\",\"output\":[" + fc + "]}}");
    }

    static String responsesTextStream(String id, String text) {
        String msg = "{\"type\":\"message\",\"id\":\"msg_2\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":"
                + "[{\"type\":\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}]}";
        return sse("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\""
                + id + "\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[]}}")
                + sse("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":"
                + "{\"id\":\"" + id + "\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[]}}")
                + sse("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":2,"
                + "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_2\",\"role\":\"assistant\","
                + "\"status\":\"in_progress\",\"content\":[]}}")
                + sse("response.content_part.added", "{\"type\":\"response.content_part.added\",\"sequence_number\":3,"
                + "\"output_index\":0,\"item_id\":\"msg_2\",\"content_index\":0,\"part\":{\"type\":\"output_text\","
                + "\"text\":\"\",\"annotations\":[]}}")
                + sse("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,"
                + "\"output_index\":0,\"item_id\":\"msg_2\",\"content_index\":0,\"delta\":\"" + text + "\"}")
                + sse("response.output_item.done", "{\"type\":\"response.output_item.done\",\"sequence_number\":5,"
                + "\"output_index\":0,\"item\":" + msg + "}")
                + sse("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":6,\"response\":{\"id\":\""
                + id + "\",\"object\":\"response\",\"status\":\"completed\",\"output\":[" + msg + "]}}");
    }

    @Test
    void responsesStreamKeepsOneResponseIdOneCreatedOneCompletedAndIncreasingSequenceNumbers() throws Exception {
        RetrieveLoop loop = loop(Endpoint.OPENAI_RESPONSES, RESPONSES_REQUEST);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        FollowUp followUp = assertInstanceOf(FollowUp.class, stream(loop, responsesCallStream("resp_1"), client));
        JsonNode next = JSON.readTree(followUp.body());
        assertEquals(ORIGINAL, next.at("/input/2/output").asText(), "function_call_output carries the original");
        stream(loop, responsesTextStream("resp_2", "Pool exhausted"), client);

        List<JsonNode> events = dataOf(client.toString(StandardCharsets.UTF_8));
        assertEquals(1, events.stream().filter(e -> e.path("type").asText().equals("response.created")).count());
        assertEquals(1, events.stream().filter(e -> e.path("type").asText().equals("response.completed")).count());
        events.stream().filter(e -> e.has("response")).forEach(e ->
                assertEquals("resp_1", e.at("/response/id").asText(), "one response id: " + e));
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).path("sequence_number").asInt(), "gapless, increasing: " + events.get(i));
        }
        events.stream().filter(e -> e.has("output_index")).forEach(e -> assertEquals(0, e.path("output_index").asInt()));
        JsonNode completed = events.get(events.size() - 1);
        assertEquals("response.completed", completed.path("type").asText());
        assertEquals(1, completed.at("/response/output").size());
        assertEquals("Pool exhausted", completed.at("/response/output/0/content/0/text").asText());
        assertFalse(client.toString(StandardCharsets.UTF_8).contains(RetrieveTool.NAME));
    }

    static String anthropicCallStream() {
        return sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude\",\"stop_reason\":null,\"usage\":"
                + "{\"input_tokens\":10,\"output_tokens\":1}}}")
                + sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"tool_use\",\"id\":\"tu_1\",\"name\":\"headroom_retrieve\",\"input\":{}}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                + "\"input_json_delta\",\"partial_json\":\"{\\\"hash\\\":\\\"" + HASH + "\\\"}\"}}")
                + sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
                + "\"usage\":{\"output_tokens\":5}}")
                + sse("message_stop", "{\"type\":\"message_stop\"}");
    }

    static String anthropicTextStream(String text) {
        return sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude\",\"stop_reason\":null,\"usage\":"
                + "{\"input_tokens\":20,\"output_tokens\":1}}}")
                + sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                + "\"text_delta\",\"text\":\"" + text + "\"}}")
                + sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":3}}")
                + sse("message_stop", "{\"type\":\"message_stop\"}");
    }

    @Test
    void anthropicStreamHasOneMessageStartAndOneMessageStop() throws Exception {
        RetrieveLoop loop = loop(Endpoint.ANTHROPIC_MESSAGES, ANTHROPIC_REQUEST);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        FollowUp followUp = assertInstanceOf(FollowUp.class, stream(loop, anthropicCallStream(), client));
        assertEquals(ORIGINAL, JSON.readTree(followUp.body()).at("/messages/2/content/0/content").asText());
        stream(loop, anthropicTextStream("Pool exhausted"), client);

        List<JsonNode> events = dataOf(client.toString(StandardCharsets.UTF_8));
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"), types);
        assertEquals("msg_1", events.get(0).at("/message/id").asText());
        assertEquals(0, events.get(1).path("index").asInt(), "the client's first block is block 0");
        assertEquals("end_turn", events.get(4).at("/delta/stop_reason").asText());
    }

    @Test
    void nonStreamingAnswersTheCallAndDeliversTheFinalAnswer() throws Exception {
        RetrieveLoop loop = loop(Endpoint.ANTHROPIC_MESSAGES, ANTHROPIC_REQUEST.replace("\"stream\":true,", ""));
        String call = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"stop_reason\":\"tool_use\","
                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"tu_1\",\"name\":\"headroom_retrieve\",\"input\":{\"hash\":\""
                + HASH + "\"}}]}";
        String text = "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"stop_reason\":\"end_turn\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}";
        assertEquals(AnswerKind.BUFFER, loop.onAnswer(200, "application/json"));
        FollowUp followUp = assertInstanceOf(FollowUp.class, loop.onBody(call.getBytes(StandardCharsets.UTF_8)));
        assertEquals("tu_1", JSON.readTree(followUp.body()).at("/messages/2/content/0/tool_use_id").asText());
        assertEquals(AnswerKind.BUFFER, loop.onAnswer(200, "application/json"));
        Deliver deliver = assertInstanceOf(Deliver.class, loop.onBody(text.getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), deliver.bytes(), "the answer as it came");
        assertEquals(1, loop.rounds());
    }

    @Test
    void aFollowUpRefusedBeforeAnyClientByteIsPassedOn() {
        RetrieveLoop loop = loop(Endpoint.OPENAI_CHAT, CHAT_REQUEST);
        assertInstanceOf(FollowUp.class, stream(loop, chatRetrieveCallStream(), new ByteArrayOutputStream()));
        assertEquals(AnswerKind.PASS, loop.onAnswer(429, "application/json"));
        assertFalse(loop.clientBytesSent(), "the host relays the 429 as it came");
        assertEquals(AnswerKind.PASS, loop.onAnswer(200, "application/json"), "a stream cannot go on as JSON");
    }

    @Test
    void aFailureAfterBytesWereSentEndsWithEachProvidersErrorEvent() throws Exception {
        RetrieveLoop chat = loop(Endpoint.OPENAI_CHAT, CHAT_REQUEST);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        String textThenCall = chatChunk("c1", "{\"role\":\"assistant\",\"content\":\"Let me look.\"}", "null")
                + chatRetrieveCallStream().replace("\"role\":\"assistant\",", "");
        stream(chat, textThenCall, client);
        assertTrue(chat.clientBytesSent());
        String chatEnd = new String(chat.failure("upstream unavailable"), StandardCharsets.UTF_8);
        assertEquals("upstream unavailable", dataOf(chatEnd).get(0).at("/error/message").asText());
        assertFalse(chatEnd.contains("[DONE]"));

        RetrieveLoop responses = loop(Endpoint.OPENAI_RESPONSES, RESPONSES_REQUEST);
        stream(responses, responsesCallStream("resp_1"), new ByteArrayOutputStream());
        assertTrue(responses.clientBytesSent(), "response.created went out");
        JsonNode failed = dataOf(new String(responses.failure("x"), StandardCharsets.UTF_8)).get(0);
        assertEquals("response.failed", failed.path("type").asText());
        assertEquals("resp_1", failed.at("/response/id").asText());
        assertEquals("failed", failed.at("/response/status").asText());
        assertEquals(2, failed.path("sequence_number").asInt(), "continues after in_progress (1)");

        RetrieveLoop anthropic = loop(Endpoint.ANTHROPIC_MESSAGES, ANTHROPIC_REQUEST);
        stream(anthropic, anthropicCallStream(), new ByteArrayOutputStream());
        String error = new String(anthropic.failure("x"), StandardCharsets.UTF_8);
        assertTrue(error.startsWith("event: error\n"), error);
        assertEquals("api_error", dataOf(error).get(0).at("/error/type").asText());
    }

    @Test
    void afterMaxRoundsTheModelsAnswerGoesOutAsItCame() {
        Headroom oneRound = Headroom.create(HeadroomConfig.builder().retrieve(r -> r.maxRounds(1)).build());
        try (oneRound) {
            RetrieveLoop loop = RetrieveLoop.start(oneRound, Endpoint.OPENAI_CHAT,
                    CHAT_REQUEST.getBytes(StandardCharsets.UTF_8), STORE).orElseThrow();
            ByteArrayOutputStream client = new ByteArrayOutputStream();
            assertInstanceOf(FollowUp.class, stream(loop, chatRetrieveCallStream(), client));
            assertInstanceOf(Deliver.class, stream(loop, chatRetrieveCallStream(), client));
            String received = client.toString(StandardCharsets.UTF_8);
            assertTrue(received.contains(RetrieveTool.NAME), "released, not swallowed");
            assertTrue(received.endsWith("data: [DONE]\n\n"));
            assertEquals(1, loop.rounds());
        }
    }

    @Test
    void noLoopWithoutTheToolOrWithRoundsOff() {
        byte[] plain = "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        assertTrue(RetrieveLoop.start(HEADROOM, Endpoint.OPENAI_CHAT, plain, "").isEmpty());
        try (Headroom off = Headroom.create(HeadroomConfig.builder().retrieve(r -> r.maxRounds(0)).build())) {
            assertTrue(RetrieveLoop.start(off, Endpoint.OPENAI_CHAT, CHAT_REQUEST.getBytes(StandardCharsets.UTF_8), "")
                    .isEmpty());
        }
        assertEquals(AnswerKind.PASS, RetrieveLoop.kindOf(500, "application/json"));
        assertEquals(AnswerKind.PASS, RetrieveLoop.kindOf(200, "text/plain"));
    }
}
