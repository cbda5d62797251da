package io.headroom.host.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseRetrieveDetectorTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static List<SseEvent> events(String stream) {
        SseEventSplitter s = new SseEventSplitter();
        List<SseEvent> out = new ArrayList<>(s.feed(stream.getBytes(StandardCharsets.UTF_8)));
        out.addAll(s.finish());
        return out;
    }

    /** Feeds every event; returns how many were let through before holding started. */
    private static int feed(SseRetrieveDetector d, List<SseEvent> events) {
        int passed = 0;
        for (SseEvent e : events) {
            if (d.accept(e)) {
                passed++;
            }
        }
        return passed;
    }

    @Test
    void openAiChatToolCallFragmentsAreReassembled() {
        String stream = ""
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Checking.\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"hash\\\":\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"ab12\\\",\\\"query\\\":\\\"err\\\"}\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: [DONE]\n\n";
        SseRetrieveDetector d = new SseRetrieveDetector(Endpoint.OPENAI_CHAT, mapper);

        assertEquals(2, feed(d, events(stream)), "held from the delta naming headroom_retrieve");
        assertTrue(d.holding());
        JsonNode r = d.response();
        assertEquals("Checking.", r.at("/choices/0/message/content").asText());
        RetrieveCalls calls = RetrieveCalls.find(Endpoint.OPENAI_CHAT, r, mapper);
        assertTrue(calls.interceptable());
        assertEquals(new RetrieveCall("call_1", "ab12", "err"), calls.retrieveCalls().get(0));
    }

    @Test
    void openAiChatTextAnswerIsNeverHeld() {
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        SseRetrieveDetector d = new SseRetrieveDetector(Endpoint.OPENAI_CHAT, mapper);
        assertEquals(3, feed(d, events(stream)));
        assertFalse(d.holding());
    }

    @Test
    void anthropicToolUseInputIsRebuiltFromJsonDeltas() {
        String stream = ""
                + "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"role\":\"assistant\",\"content\":[]}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me look.\"}}\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"tu1\",\"name\":\"headroom_retrieve\",\"input\":{}}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"hash\\\": \\\"cd\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"34\\\"}\"}}\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        SseRetrieveDetector d = new SseRetrieveDetector(Endpoint.ANTHROPIC_MESSAGES, mapper);

        assertEquals(4, feed(d, events(stream)), "message_start and the text block go through");
        JsonNode r = d.response();
        assertEquals("Let me look.", r.at("/content/0/text").asText());
        assertEquals("cd34", r.at("/content/1/input/hash").asText());
        assertEquals("tool_use", r.path("stop_reason").asText());
        assertEquals(new RetrieveCall("tu1", "cd34", null),
                RetrieveCalls.find(Endpoint.ANTHROPIC_MESSAGES, r, mapper).retrieveCalls().get(0));
    }

    @Test
    void responsesCallIsTakenFromTheCompletedResponse() {
        String stream = ""
                + "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"status\":\"in_progress\",\"output\":[]}}\n\n"
                + "event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":{\"type\":\"function_call\",\"id\":\"fc1\",\"call_id\":\"call_9\",\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}\n\n"
                + "event: response.function_call_arguments.delta\ndata: {\"type\":\"response.function_call_arguments.delta\",\"sequence_number\":2,\"output_index\":0,\"delta\":\"{\\\"hash\\\":\\\"ee\\\"}\"}\n\n"
                + "event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":3,\"response\":{\"status\":\"completed\",\"output\":[{\"type\":\"function_call\",\"id\":\"fc1\",\"call_id\":\"call_9\",\"name\":\"headroom_retrieve\",\"arguments\":\"{\\\"hash\\\":\\\"ee\\\"}\"}]}}\n\n";
        SseRetrieveDetector d = new SseRetrieveDetector(Endpoint.OPENAI_RESPONSES, mapper);

        assertEquals(1, feed(d, events(stream)));
        RetrieveCalls calls = RetrieveCalls.find(Endpoint.OPENAI_RESPONSES, d.response(), mapper);
        assertTrue(calls.interceptable());
        assertEquals(new RetrieveCall("call_9", "ee", null), calls.retrieveCalls().get(0));
    }

    @Test
    void aStreamThatBreaksOffIsNotInterceptable() {
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":"
                + "{\"name\":\"headroom_retrieve\",\"arguments\":\"{\\\"ha\"}}]},\"finish_reason\":null}]}\n\n";
        SseRetrieveDetector d = new SseRetrieveDetector(Endpoint.OPENAI_CHAT, mapper);
        feed(d, events(stream));
        assertTrue(d.holding());
        assertFalse(RetrieveCalls.find(Endpoint.OPENAI_CHAT, d.response(), mapper).interceptable());
    }

    @Test
    void splitterHandlesEventsSplitAnywhereAndCrLf() {
        String stream = "event: a\r\ndata: {\"x\":\"é\"}\r\n\r\n: comment\n\ndata: line1\ndata: line2\n\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        SseEventSplitter s = new SseEventSplitter();
        List<SseEvent> got = new ArrayList<>();
        for (byte b : bytes) {
            got.addAll(s.feed(new byte[] {b})); // one byte at a time: splits CRLF and the 2-byte é
        }
        got.addAll(s.finish());
        assertEquals(3, got.size());
        assertEquals("a", got.get(0).event());
        assertEquals("{\"x\":\"é\"}", got.get(0).data());
        assertNull(got.get(1).data(), "a comment-only event carries no data");
        assertEquals("line1\nline2", got.get(2).data());
        StringBuilder joined = new StringBuilder();
        got.forEach(e -> joined.append(new String(e.raw(), StandardCharsets.UTF_8)));
        assertEquals(stream, joined.toString(), "relaying the raw events reproduces the stream byte for byte");
    }

    @Test
    void stitcherDropsPreamblesAndContinuesNumbering() throws Exception {
        SseStitcher anthropic = new SseStitcher(Endpoint.ANTHROPIC_MESSAGES, mapper);
        anthropic.sent(SseEvent.of("message_start", "{\"type\":\"message_start\",\"message\":{}}"));
        anthropic.sent(SseEvent.of("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\"}}"));
        anthropic.startFollowUp();
        assertNull(anthropic.rewrite(SseEvent.of("message_start", "{\"type\":\"message_start\",\"message\":{}}")));
        SseEvent shifted = anthropic.rewrite(SseEvent.of("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}"));
        assertEquals(1, mapper.readTree(shifted.data()).path("index").asInt());
        assertEquals("content_block_delta", shifted.event());
        SseEvent stop = SseEvent.of("message_stop", "{\"type\":\"message_stop\"}");
        assertEquals(stop, anthropic.rewrite(stop));

        SseStitcher chat = new SseStitcher(Endpoint.OPENAI_CHAT, mapper);
        chat.sent(SseEvent.of(null, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}"));
        chat.startFollowUp();
        assertNull(chat.rewrite(SseEvent.of(null, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}")));
        SseEvent text = SseEvent.of(null, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":null}]}");
        assertEquals("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}",
                chat.rewrite(text).data(), "a role chunk with text is kept, without a second role");

        SseStitcher responses = new SseStitcher(Endpoint.OPENAI_RESPONSES, mapper);
        responses.sent(SseEvent.of("response.created", "{\"type\":\"response.created\",\"sequence_number\":0}"));
        responses.sent(SseEvent.of("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":{}}"));
        responses.startFollowUp();
        assertNull(responses.rewrite(SseEvent.of("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":1}")));
        JsonNode moved = mapper.readTree(responses.rewrite(SseEvent.of("response.output_text.delta",
                "{\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"output_index\":0,\"delta\":\"a\"}")).data());
        assertEquals(1, moved.path("output_index").asInt());
        assertEquals(2, moved.path("sequence_number").asInt(), "numbering continues without a gap");
    }
}
