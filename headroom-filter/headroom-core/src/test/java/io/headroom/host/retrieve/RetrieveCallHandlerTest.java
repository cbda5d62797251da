package io.headroom.host.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.RetrieveResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrieveCallHandlerTest {
    private static final String HASH = "abcdef0123456789abcdef01";
    private static final String ORIGINAL = "[{\"id\":1},{\"id\":2,\"error\":\"boom\"}]";
    private final ObjectMapper mapper = new ObjectMapper();
    /** A tiny in-memory store: one original, queries match items containing the query. */
    private final RetrieveSource store = (hash, query) -> {
        if (!HASH.equals(hash)) {
            throw new HeadroomException(ErrorType.NOT_FOUND, "unknown");
        }
        List<String> matches = query == null ? List.of() : List.of("{\"id\":2,\"error\":\"boom\"}");
        return new RetrieveResult(HASH, ORIGINAL, 20, 2, 1, "t", 1, query, matches);
    };
    private final RetrieveCallHandler handler = new RetrieveCallHandler(store, mapper);

    private ObjectNode json(String s) throws Exception {
        return (ObjectNode) mapper.readTree(s);
    }

    private static String chatAnswer(String calls) {
        return "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":null,"
                + "\"tool_calls\":[" + calls + "]},\"finish_reason\":\"tool_calls\"}]}";
    }

    private static String chatCall(String id, String name, String args) {
        return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
                + new ObjectMapper().getNodeFactory().textNode(args) + "}}";
    }

    @Test
    void openAiChatFollowUpAppendsTheAssistantTurnAndOneToolMessagePerCall() throws Exception {
        ObjectNode request = json("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"tools\":[]}");
        String before = request.toString();
        JsonNode answer = json(chatAnswer(chatCall("c1", "headroom_retrieve", "{\"hash\":\"" + HASH + "\"}") + ","
                + chatCall("c2", "headroom_retrieve", "{\"hash\":\"" + HASH + "\",\"query\":\"boom\"}")));

        ObjectNode next = handler.followUp(Endpoint.OPENAI_CHAT, request, answer).orElseThrow();

        assertEquals(before, request.toString(), "the previous request is not modified");
        JsonNode m = next.get("messages");
        assertEquals(4, m.size());
        assertEquals("assistant", m.get(1).path("role").asText());
        assertFalse(m.get(1).has("refusal"), "response-only fields are not sent back");
        assertEquals(answer.at("/choices/0/message/tool_calls"), m.get(1).get("tool_calls"));
        assertEquals("tool", m.get(2).path("role").asText());
        assertEquals("c1", m.get(2).path("tool_call_id").asText());
        assertEquals(ORIGINAL, m.get(2).path("content").asText(), "no query: the original, byte-identical");
        JsonNode matches = mapper.readTree(m.get(3).path("content").asText());
        assertEquals("boom", matches.at("/results/0/error").asText(), "query: only the matches, as JSON");
        assertEquals(1, matches.path("count").asInt());
    }

    @Test
    void anthropicFollowUpSendsTheContentBackAndToolResultsInAUserTurn() throws Exception {
        ObjectNode request = json("{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");
        JsonNode answer = json("{\"type\":\"message\",\"role\":\"assistant\",\"stop_reason\":\"tool_use\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"sig\"},"
                + "{\"type\":\"tool_use\",\"id\":\"tu1\",\"name\":\"headroom_retrieve\",\"input\":{\"hash\":\"ffff0000ffff0000ffff0000\"}}]}");

        ObjectNode next = handler.followUp(Endpoint.ANTHROPIC_MESSAGES, request, answer).orElseThrow();

        JsonNode m = next.get("messages");
        assertEquals(answer.get("content"), m.get(1).get("content"), "thinking keeps its signature");
        JsonNode result = m.get(2).at("/content/0");
        assertEquals("user", m.get(2).path("role").asText());
        assertEquals("tu1", result.path("tool_use_id").asText());
        assertTrue(result.path("is_error").asBoolean(), "an unknown hash is an error result");
        assertTrue(result.path("content").asText().contains("expired"));
    }

    @Test
    void responsesFollowUpTurnsAStringInputIntoItemsAndAppendsOutputs() throws Exception {
        ObjectNode request = json("{\"model\":\"m\",\"input\":\"q\"}");
        JsonNode answer = json("{\"status\":\"completed\",\"output\":[{\"type\":\"reasoning\",\"id\":\"rs1\",\"summary\":[]},"
                + "{\"type\":\"function_call\",\"id\":\"fc1\",\"call_id\":\"call1\",\"name\":\"headroom_retrieve\","
                + "\"arguments\":\"{\\\"hash\\\":\\\"" + HASH + "\\\"}\"}]}");

        ObjectNode next = handler.followUp(Endpoint.OPENAI_RESPONSES, request, answer).orElseThrow();

        JsonNode input = next.get("input");
        assertEquals(4, input.size());
        assertEquals("q", input.at("/0/content").asText());
        assertEquals("reasoning", input.at("/1/type").asText());
        assertEquals("function_call", input.at("/2/type").asText());
        assertEquals("function_call_output", input.at("/3/type").asText());
        assertEquals("call1", input.at("/3/call_id").asText());
        assertEquals(ORIGINAL, input.at("/3/output").asText());
    }

    @Test
    void answersMixingTheClientsToolsOrCutOffAreNotIntercepted() throws Exception {
        ObjectNode request = json("{\"messages\":[]}");
        JsonNode mixed = json(chatAnswer(chatCall("c1", "headroom_retrieve", "{\"hash\":\"" + HASH + "\"}") + ","
                + chatCall("c2", "get_weather", "{}")));
        assertEquals(Optional.empty(), handler.followUp(Endpoint.OPENAI_CHAT, request, mixed));
        assertEquals(1, handler.calls(Endpoint.OPENAI_CHAT, mixed).otherCalls());

        JsonNode cut = json(chatAnswer(chatCall("c1", "headroom_retrieve", "{\"hash\":")).replace("tool_calls\"}", "length\"}"));
        assertFalse(handler.calls(Endpoint.OPENAI_CHAT, cut).interceptable());

        JsonNode text = json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
                + "\"finish_reason\":\"stop\"}]}");
        assertEquals(Optional.empty(), handler.followUp(Endpoint.OPENAI_CHAT, request, text));

        JsonNode anthropicMixed = json("{\"stop_reason\":\"tool_use\",\"content\":[{\"type\":\"tool_use\",\"id\":\"a\","
                + "\"name\":\"headroom_retrieve\",\"input\":{\"hash\":\"x\"}},{\"type\":\"tool_use\",\"id\":\"b\",\"name\":\"bash\",\"input\":{}}]}");
        assertEquals(Optional.empty(), handler.followUp(Endpoint.ANTHROPIC_MESSAGES, json("{\"messages\":[]}"), anthropicMixed));
    }

    @Test
    void badArgumentsGetAnErrorResultNotAnException() {
        ToolResult r = handler.answer(RetrieveCalls.fromArguments("c", mapper.getNodeFactory().textNode("not json"), mapper));
        assertTrue(r.error());
        assertTrue(r.content().contains("'hash'"));
    }
}
