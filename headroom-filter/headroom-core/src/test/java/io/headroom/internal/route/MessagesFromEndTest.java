package io.headroom.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.internal.engine.CorpusCase;
import io.headroom.internal.wire.ToolOutput;
import io.headroom.internal.wire.WireFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every wire format reports how far from the end of the conversation each tool output sits. */
class MessagesFromEndTest {

    private static List<Integer> positions(Endpoint endpoint, String json) throws Exception {
        ObjectNode root = (ObjectNode) CorpusCase.MAPPER.readTree(json);
        return WireFormat.of(endpoint).read(root).toolOutputs().stream().map(ToolOutput::messagesFromEnd).toList();
    }

    @Test
    void openAiChat() throws Exception {
        assertEquals(List.of(3, 0), positions(Endpoint.OPENAI_CHAT, """
                {"model":"m","messages":[{"role":"user","content":"q"},
                 {"role":"tool","tool_call_id":"a","content":"one"},
                 {"role":"assistant","content":"x"},{"role":"user","content":"y"},
                 {"role":"tool","tool_call_id":"b","content":"two"}]}"""));
    }

    @Test
    void anthropicMessages() throws Exception {
        assertEquals(List.of(1, 1), positions(Endpoint.ANTHROPIC_MESSAGES, """
                {"model":"m","messages":[{"role":"user","content":"q"},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"a","content":"one"},
                                           {"type":"tool_result","tool_use_id":"b","content":[{"type":"text","text":"two"}]}]},
                 {"role":"assistant","content":"done"}]}"""));
    }

    @Test
    void openAiResponses() throws Exception {
        assertEquals(List.of(0), positions(Endpoint.OPENAI_RESPONSES, """
                {"model":"m","input":[{"role":"user","content":"q"},
                 {"type":"function_call","call_id":"c","name":"f","arguments":"{}"},
                 {"type":"function_call_output","call_id":"c","output":"out"}]}"""));
    }
}
