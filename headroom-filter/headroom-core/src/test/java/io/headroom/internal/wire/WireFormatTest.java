package io.headroom.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.host.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private final JsonCodec codec = new JsonCodec(1 << 20);

    private ObjectNode parse(String json) throws Exception {
        return (ObjectNode) codec.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private String replaceAllToolOutputs(Endpoint endpoint, ObjectNode root, String replacement) {
        ParsedRequest r = WireFormat.of(endpoint).read(root);
        r.toolOutputs().forEach(o -> o.slot().replace(replacement));
        return new String(codec.write(root), StandardCharsets.UTF_8);
    }

    @Test
    void openAiChat() throws Exception {
        String json = "{\"model\":\"gpt-4o\",\"x_vendor\":{\"k\":[1,2]},\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\",\"name\":\"sys\"},"
                + "{\"role\":\"user\",\"content\":\"Find the failing job\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"list_jobs\",\"arguments\":\"{\\\"all\\\":true}\"}},"
                + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_log\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"[1,2,3]\",\"extra\":true},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":[{\"type\":\"text\",\"text\":\"log line\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"and the owner?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"unknown\",\"content\":\"orphan\"}"
                + "],\"temperature\":0.2,\"stream\":false}";
        ParsedRequest r = WireFormat.of(Endpoint.OPENAI_CHAT).read(parse(json));
        assertEquals("gpt-4o", r.model());
        assertEquals("and the owner?", r.query());
        assertEquals(List.of("list_jobs", "get_log"), r.toolOutputs().subList(0, 2).stream().map(ToolOutput::toolName).toList());
        assertNull(r.toolOutputs().get(2).toolName());
        assertEquals(List.of("[1,2,3]", "log line", "orphan"), r.toolOutputs().stream().map(ToolOutput::text).toList());
        assertEquals(List.of("Be brief.", "Find the failing job", "{\"all\":true}", "{}", "and the owner?"), r.otherTexts());

        String out = replaceAllToolOutputs(Endpoint.OPENAI_CHAT, parse(json), "R");
        String expected = json.replace("\"content\":\"[1,2,3]\"", "\"content\":\"R\"")
                .replace("\"text\":\"log line\"", "\"text\":\"R\"")
                .replace("\"content\":\"orphan\"", "\"content\":\"R\"");
        assertEquals(expected, out, "only tool output texts change; order and unknown fields stay");
    }

    @Test
    void anthropicMessages() throws Exception {
        String json = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,"
                + "\"system\":[{\"type\":\"text\",\"text\":\"You are an SRE.\",\"cache_control\":{\"type\":\"ephemeral\"}}],"
                + "\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Why did it fail?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"check logs\",\"signature\":\"s\"},{\"type\":\"text\",\"text\":\"Checking.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"query_logs\",\"input\":{\"since\":\"9am\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"read_file\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"[{\\\"a\\\":1}]\",\"cache_control\":{\"type\":\"ephemeral\"}},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"is_error\":false,\"content\":[{\"type\":\"text\",\"text\":\"file body\"}]}]}"
                + "],\"metadata\":{\"user_id\":\"u1\"}}";
        ParsedRequest r = WireFormat.of(Endpoint.ANTHROPIC_MESSAGES).read(parse(json));
        assertEquals("claude-sonnet-4-5", r.model());
        assertEquals("Why did it fail?", r.query(), "a user turn with only tool results is not the question");
        assertEquals(List.of("query_logs", "read_file"), r.toolOutputs().stream().map(ToolOutput::toolName).toList());
        assertEquals(List.of("toolu_1", "toolu_2"), r.toolOutputs().stream().map(ToolOutput::callId).toList());
        assertEquals(List.of("[{\"a\":1}]", "file body"), r.toolOutputs().stream().map(ToolOutput::text).toList());
        assertEquals(List.of("You are an SRE.", "Why did it fail?", "check logs", "Checking.", "{\"since\":\"9am\"}", "{}"),
                r.otherTexts());

        String out = replaceAllToolOutputs(Endpoint.ANTHROPIC_MESSAGES, parse(json), "R");
        String expected = json.replace("\"content\":\"[{\\\"a\\\":1}]\"", "\"content\":\"R\"")
                .replace("\"text\":\"file body\"", "\"text\":\"R\"");
        assertEquals(expected, out);
    }

    @Test
    void anthropicQueryFromTextBlocksNextToToolResults() throws Exception {
        String json = "{\"model\":\"claude-3-5-haiku\",\"messages\":[{\"role\":\"user\",\"content\":\"first\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\"x\"},{\"type\":\"text\",\"text\":\"now the second\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t2\",\"content\":\"y\"}]}]}";
        assertEquals("now the second", WireFormat.of(Endpoint.ANTHROPIC_MESSAGES).read(parse(json)).query());
    }

    @Test
    void openAiResponses() throws Exception {
        String json = "{\"model\":\"gpt-4.1\",\"instructions\":\"You are a billing analyst.\",\"store\":false,\"input\":["
                + "{\"role\":\"user\",\"content\":\"Any problem accounts?\"},"
                + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"query db\"}]},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"sql_query\",\"arguments\":\"{\\\"sql\\\":\\\"select 1\\\"}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"[{\\\"id\\\":1}]\",\"status\":\"completed\"},"
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Only the ids\"}]}"
                + "],\"tools\":[{\"type\":\"function\",\"name\":\"sql_query\",\"parameters\":{}}]}";
        ParsedRequest r = WireFormat.of(Endpoint.OPENAI_RESPONSES).read(parse(json));
        assertEquals("gpt-4.1", r.model());
        assertEquals("Only the ids", r.query());
        assertEquals(1, r.toolOutputs().size());
        assertEquals("sql_query", r.toolOutputs().get(0).toolName());
        assertEquals("[{\"id\":1}]", r.toolOutputs().get(0).text());
        assertEquals(List.of("You are a billing analyst.", "Any problem accounts?", "query db",
                "{\"sql\":\"select 1\"}", "Only the ids"), r.otherTexts());

        String out = replaceAllToolOutputs(Endpoint.OPENAI_RESPONSES, parse(json), "R");
        assertEquals(json.replace("\"output\":\"[{\\\"id\\\":1}]\"", "\"output\":\"R\""), out);
    }

    @Test
    void responsesWithStringInput() throws Exception {
        ParsedRequest r = WireFormat.of(Endpoint.OPENAI_RESPONSES)
                .read(parse("{\"model\":\"gpt-5\",\"input\":\"What is 2+2?\"}"));
        assertEquals("What is 2+2?", r.query());
        assertTrue(r.toolOutputs().isEmpty());
        assertEquals(List.of("What is 2+2?"), r.otherTexts());
    }

    @Test
    void requestsWithoutMessagesHaveNothingToDo() throws Exception {
        for (Endpoint e : Endpoint.values()) {
            ParsedRequest r = WireFormat.of(e).read(parse("{\"model\":42,\"messages\":\"nope\",\"input\":7}"));
            assertNull(r.model());
            assertNull(r.query());
            assertTrue(r.toolOutputs().isEmpty());
        }
    }
}
