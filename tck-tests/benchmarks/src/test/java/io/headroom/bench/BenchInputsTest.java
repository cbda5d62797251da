package io.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class BenchInputsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void inputsAreDeterministic() {
        for (String name : BenchInputs.SYNTHETIC) {
            assertArrayEquals(BenchInputs.load(name).body(), BenchInputs.load(name).body(), name);
        }
    }

    @Test
    void jmhParamsListEveryInput() throws Exception {
        Param p = PipelineBench.class.getField("input").getAnnotation(Param.class);
        assertEquals(BenchInputs.all(), Arrays.asList(p.value()));
    }

    @Test
    void syntheticInputsAreChatRequestsWithTheAdvertisedItemCount() throws Exception {
        record Expect(String name, int items) { }
        for (Expect e : List.of(new Expect("search_results_1000", 1000), new Expect("api_responses_500", 500),
                new Expect("db_rows_1000", 1000), new Expect("string_array_100", 100),
                new Expect("number_array_200", 200), new Expect("mixed_array_250", 250))) {
            BenchInputs.Input in = BenchInputs.load(e.name());
            assertEquals(Endpoint.OPENAI_CHAT, in.endpoint());
            JsonNode messages = mapper.readTree(in.body()).get("messages");
            assertEquals(List.of("system", "user", "assistant", "tool"),
                    List.of(messages.get(0).get("role").asText(), messages.get(1).get("role").asText(),
                            messages.get(2).get("role").asText(), messages.get(3).get("role").asText()));
            JsonNode toolOutput = mapper.readTree(messages.get(3).get("content").asText());
            assertEquals(e.items(), toolOutput.size(), e.name());
        }
    }

    @Test
    void corpusInputsKeepTheirEndpoint() {
        assertEquals(Endpoint.ANTHROPIC_MESSAGES, BenchInputs.load("corpus.anthropic_messages_600").endpoint());
        assertEquals(Endpoint.OPENAI_RESPONSES, BenchInputs.load("corpus.responses_api_800").endpoint());
        assertTrue(BenchInputs.load("corpus.json_logs_1000").body().length > 100_000);
    }

    @Test
    void savingsReportCompressesTheLargeInputAndLeavesTheSmallOneAlone() {
        List<SavingsReport.Row> rows = SavingsReport.compute(List.of("search_results_1000", BenchInputs.SMALL_CHAT));
        assertTrue(rows.get(0).compressed());
        assertTrue(rows.get(0).savingsPercent() > 50, "savings " + rows.get(0).savingsPercent());
        assertFalse(rows.get(1).compressed());
        assertFalse(rows.get(1).failedOpen());
    }
}
