package io.headroom.host.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import org.junit.jupiter.api.Test;

class RetrieveToolInjectorTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final RetrieveToolInjector injector = new RetrieveToolInjector();

    private ObjectNode json(String s) throws Exception {
        return (ObjectNode) mapper.readTree(s);
    }

    @Test
    void openAiChatGetsAFunctionToolAfterTheClientsOwnAndKeepsToolChoice() throws Exception {
        ObjectNode req = json("{\"model\":\"m\",\"messages\":[],\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"search\",\"parameters\":{}}}],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"search\"}}}");
        JsonNode clientTool = req.get("tools").get(0).deepCopy();
        JsonNode choice = req.get("tool_choice").deepCopy();

        assertTrue(injector.inject(Endpoint.OPENAI_CHAT, req));

        assertEquals(2, req.get("tools").size());
        assertEquals(clientTool, req.get("tools").get(0), "other tools untouched");
        assertEquals(choice, req.get("tool_choice"), "tool_choice untouched");
        JsonNode tool = req.get("tools").get(1);
        assertEquals("function", tool.path("type").asText());
        assertEquals("headroom_retrieve", tool.at("/function/name").asText());
        assertEquals("string", tool.at("/function/parameters/properties/hash/type").asText());
        assertEquals("string", tool.at("/function/parameters/properties/query/type").asText());
        assertEquals("[\"hash\"]", tool.at("/function/parameters/required").toString());
    }

    @Test
    void anthropicGetsInputSchemaAndResponsesAFlatFunction() throws Exception {
        ObjectNode anthropic = json("{\"model\":\"m\",\"messages\":[]}");
        assertTrue(injector.inject(Endpoint.ANTHROPIC_MESSAGES, anthropic));
        JsonNode a = anthropic.get("tools").get(0);
        assertEquals("headroom_retrieve", a.path("name").asText());
        assertEquals("object", a.at("/input_schema/type").asText());
        assertFalse(a.has("type"), "Anthropic custom tools carry no type");

        ObjectNode responses = json("{\"model\":\"m\",\"input\":\"hi\",\"tools\":[{\"type\":\"web_search\"}]}");
        assertTrue(injector.inject(Endpoint.OPENAI_RESPONSES, responses));
        JsonNode r = responses.get("tools").get(1);
        assertEquals("function", r.path("type").asText());
        assertEquals("headroom_retrieve", r.path("name").asText());
        assertEquals("[\"hash\"]", r.at("/parameters/required").toString());
        assertEquals("web_search", responses.at("/tools/0/type").asText());
    }

    @Test
    void aToolAlreadyPresentIsNotAddedTwice() throws Exception {
        ObjectNode req = json("{\"messages\":[]}");
        assertTrue(injector.inject(Endpoint.OPENAI_CHAT, req));
        String once = req.toString();
        assertFalse(injector.inject(Endpoint.OPENAI_CHAT, req));
        assertEquals(once, req.toString());
    }

    @Test
    void legacyFunctionsAndUnknownToolShapesAreLeftAlone() throws Exception {
        ObjectNode legacy = json("{\"messages\":[],\"functions\":[{\"name\":\"f\"}]}");
        assertFalse(injector.inject(Endpoint.OPENAI_CHAT, legacy));
        assertFalse(legacy.has("tools"));
        ObjectNode odd = json("{\"messages\":[],\"tools\":\"nope\"}");
        assertFalse(injector.inject(Endpoint.OPENAI_CHAT, odd));
        assertEquals("nope", odd.get("tools").asText());
    }
}
