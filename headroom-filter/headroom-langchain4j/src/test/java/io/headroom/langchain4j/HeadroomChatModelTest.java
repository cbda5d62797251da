package io.headroom.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.Mode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadroomChatModelTest {
    private static final String SMALL_RESULT = "{\"status\":\"ok\",\"count\":3}";

    /** The "upstream" model: answers every call and keeps the request it got. */
    static final class RecordingModel implements ChatModel {
        final List<ChatRequest> received = new ArrayList<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            received.add(request);
            return ChatResponse.builder().aiMessage(AiMessage.from("pool exhausted at 10:02")).build();
        }

        ChatRequest last() {
            return received.get(received.size() - 1);
        }
    }

    private static ChatRequest agentTurn() {
        List<ChatMessage> messages = List.of(
                SystemMessage.from(LlmRequests.SYSTEM_PROMPT),
                UserMessage.from(LlmRequests.USER_QUESTION),
                AiMessage.from(List.of(
                        ToolExecutionRequest.builder().id("call_1").name("search_logs").arguments("{\"service\":\"checkout-api\"}").build(),
                        ToolExecutionRequest.builder().id("call_2").name("count_alerts").arguments("{}").build())),
                ToolExecutionResultMessage.from("call_1", "search_logs", LlmRequests.logsText()),
                ToolExecutionResultMessage.from("call_2", "count_alerts", SMALL_RESULT));
        return ChatRequest.builder()
                .messages(messages)
                .modelName("gpt-4o")
                .temperature(0.1)
                .toolSpecifications(ToolSpecification.builder().name("search_logs").description("Searches logs").build())
                .build();
    }

    @Test
    void compressesToolResultsAndLeavesEverythingElseAlone() {
        RecordingModel upstream = new RecordingModel();
        List<ChatCompressionMetrics> heard = new ArrayList<>();
        try (HeadroomChatModel model = HeadroomChatModel.builder(upstream).listener(heard::add).build()) {
            ChatRequest original = agentTurn();

            ChatResponse response = model.chat(original);

            assertEquals("pool exhausted at 10:02", response.aiMessage().text());
            ChatRequest sent = upstream.last();
            List<ChatMessage> in = original.messages();
            List<ChatMessage> out = sent.messages();
            assertEquals(in.size(), out.size());
            assertSame(in.get(0), out.get(0), "system message passed on as is");
            assertSame(in.get(1), out.get(1), "user message passed on as is");
            assertSame(in.get(2), out.get(2), "tool calls passed on as is");
            assertEquals(LlmRequests.SYSTEM_PROMPT, ((SystemMessage) out.get(0)).text());
            assertEquals(LlmRequests.USER_QUESTION, ((UserMessage) out.get(1)).singleText());

            ToolExecutionResultMessage logs = (ToolExecutionResultMessage) out.get(3);
            assertEquals("call_1", logs.id());
            assertEquals("search_logs", logs.toolName());
            assertTrue(logs.text().length() < LlmRequests.logsText().length() / 2,
                    "tool result sent with " + logs.text().length() + " of " + LlmRequests.logsText().length() + " chars");
            assertTrue(logs.text().contains(LlmRequests.ERROR_NEEDLE), "the ERROR item survives");
            assertEquals(SMALL_RESULT, ((ToolExecutionResultMessage) out.get(4)).text(), "small results stay");

            assertEquals(original.modelName(), sent.modelName());
            assertEquals(original.temperature(), sent.temperature());
            assertEquals(original.toolSpecifications(), sent.toolSpecifications());

            ChatCompressionMetrics m = model.lastMetrics();
            assertNotNull(m);
            assertEquals(List.of(m), heard);
            assertTrue(m.applied());
            assertFalse(m.failedOpen());
            assertEquals(1, m.toolResultsCompressed());
            assertTrue(m.tokensSaved() > 0 && m.tokensBefore() > m.tokensAfter());
            assertEquals(m.tokensBefore() - m.tokensAfter(), m.tokensSaved());
            assertTrue(m.savingsPercent() > 50, "saved " + m.savingsPercent() + "%");
            assertTrue(m.transforms().stream().anyMatch(t -> t.startsWith("router:")), m.transforms().toString());
            assertEquals(LlmRequests.logsText(), model.headroom().retrieve(m.ccrHashes().get(0), null).originalContent(),
                    "the original tool output is retrievable");

            model.chat(original);
            assertEquals(2, model.totals().calls());
            assertEquals(2L * m.tokensSaved(), model.totals().tokensSaved());
            assertTrue(model.totals().savingsPercent() > 50);
        }
    }

    @Test
    void convenienceMethodsGoThroughCompressionToo() {
        RecordingModel upstream = new RecordingModel();
        try (HeadroomChatModel model = HeadroomChatModel.wrap(upstream)) {
            ChatResponse r = model.chat(agentTurn().messages());

            assertEquals("pool exhausted at 10:02", r.aiMessage().text());
            ToolExecutionResultMessage logs = (ToolExecutionResultMessage) upstream.last().messages().get(3);
            assertTrue(logs.text().length() < LlmRequests.logsText().length() / 2);
            assertTrue(model.lastMetrics().tokensSaved() > 0, "the model name defaults for token counting");

            assertEquals("pool exhausted at 10:02", model.chat("hello"));
            assertEquals(0, model.lastMetrics().tokensSaved());
        }
    }

    @Test
    void auditModeMeasuresButSendsTheOriginal() {
        RecordingModel upstream = new RecordingModel();
        try (HeadroomChatModel model = HeadroomChatModel.builder(upstream)
                .config(HeadroomConfig.builder().mode(Mode.AUDIT).build()).build()) {
            ChatRequest original = agentTurn();

            model.chat(original);

            assertEquals(original.messages(), upstream.last().messages());
            ChatCompressionMetrics m = model.lastMetrics();
            assertFalse(m.applied());
            assertEquals(0, m.tokensSaved());
            assertTrue(m.tokensBefore() > m.tokensAfter(), "would-be savings are measured");
        }
    }

    @Test
    void passthroughModeDoesNotTouchTheRequest() {
        RecordingModel upstream = new RecordingModel();
        try (HeadroomChatModel model = HeadroomChatModel.builder(upstream)
                .config(HeadroomConfig.builder().mode(Mode.PASSTHROUGH).build()).build()) {
            ChatRequest original = agentTurn();

            model.chat(original);

            assertEquals(original.messages(), upstream.last().messages());
            assertEquals(0, model.lastMetrics().tokensBefore());
        }
    }

    @Test
    void resultsWithoutOrWithRepeatedIdsMapBackToTheirOwnMessages() {
        RecordingModel upstream = new RecordingModel();
        try (HeadroomChatModel model = HeadroomChatModel.wrap(upstream)) {
            List<ChatMessage> messages = List.of(
                    UserMessage.from(LlmRequests.USER_QUESTION),
                    ToolExecutionResultMessage.builder().toolName("search_logs").text(LlmRequests.logsText()).build(),
                    ToolExecutionResultMessage.from("dup", "count_alerts", SMALL_RESULT),
                    ToolExecutionResultMessage.from("dup", "search_logs", LlmRequests.logsText()));

            model.chat(messages);

            List<ChatMessage> out = upstream.last().messages();
            ToolExecutionResultMessage first = (ToolExecutionResultMessage) out.get(1);
            assertNull(first.id());
            assertTrue(first.text().length() < LlmRequests.logsText().length() / 2);
            assertEquals(SMALL_RESULT, ((ToolExecutionResultMessage) out.get(2)).text());
            ToolExecutionResultMessage third = (ToolExecutionResultMessage) out.get(3);
            assertEquals("dup", third.id());
            assertTrue(third.text().contains(LlmRequests.ERROR_NEEDLE));
            assertTrue(third.text().length() < LlmRequests.logsText().length() / 2);
            assertEquals(2, model.lastMetrics().toolResultsCompressed());
        }
    }
}
