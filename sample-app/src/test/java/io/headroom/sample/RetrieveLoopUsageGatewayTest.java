package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.conformance.retrieve.RetrievalStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request answered through the retrieve loop books the output tokens the provider reported for the final
 * answer the client received, streamed and not: in {@code /metrics} ({@code headroom_tokens_output_total}) and in
 * {@code /stats} ({@code tokens.output}). Real HTTP: client -> gateway -> {@link RetrievalStub}, one retrieve round.
 */
@QuarkusTest
@WithTestResource(RetrievalStubResource.class)
class RetrieveLoopUsageGatewayTest {
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(headroom_tokens_output_total|headroom_requests_total) (\\S+)$");
    private final ObjectMapper mapper = new ObjectMapper();

    @InjectUpstreamStub
    RetrievalStub upstream;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    @Test
    void nonStreamedAnswerAfterARoundBooksItsOutputTokens() throws Exception {
        long[] before = counters();
        long statsBefore = statsOutput();

        HttpResponse<String> r = post("/v1/responses", responsesRequest(false));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, upstream.received().size(), "one retrieve round");
        long reported = mapper.readTree(r.body()).at("/usage/output_tokens").asLong();
        assertTrue(reported > 0, "the stub's final answer reports usage: " + r.body());
        long[] after = awaitLogged(before);
        assertEquals(reported, after[0] - before[0], "headroom_tokens_output_total");
        assertEquals(reported, statsOutput() - statsBefore, "/stats tokens.output");
    }

    @Test
    void streamedAnswerAfterARoundBooksItsOutputTokens() throws Exception {
        long[] before = counters();

        HttpResponse<String> r = post("/v1/messages", RetrievalGatewayTest.streamedAnthropicOrders(mapper));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, upstream.received().size(), "one retrieve round");
        long reported = 0; // Anthropic's message_delta carries the cumulative output tokens; the last one counts
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data: ")) {
                JsonNode usage = mapper.readTree(line.substring(6)).path("usage");
                reported = Math.max(reported, usage.path("output_tokens").asLong(0));
            }
        }
        assertTrue(reported > 1, "the final message_delta reports usage: " + r.body());
        long[] after = awaitLogged(before);
        assertEquals(reported, after[0] - before[0], "headroom_tokens_output_total");
    }

    private ObjectNode responsesRequest(boolean stream) {
        ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o").put("stream", stream);
        ArrayNode input = r.putArray("input");
        input.addObject().put("role", "user").put("content", "Summarize the orders.");
        input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "list_orders")
                .put("arguments", "{}");
        input.addObject().put("type", "function_call_output").put("call_id", "call_1")
                .put("output", RetrievalGatewayTest.orders());
        return r;
    }

    private HttpResponse<String> post(String path, ObjectNode body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-test-not-real")
                .header("x-api-key", "sk-ant-test-not-real")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {output tokens, requests} from /metrics. */
    private static long[] counters() {
        String text = given().get("/metrics").then().statusCode(200).extract().asString();
        long[] out = new long[2];
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            out[m.group(1).equals("headroom_tokens_output_total") ? 0 : 1] = (long) Double.parseDouble(m.group(2));
        }
        return out;
    }

    private static long statsOutput() {
        return given().get("/stats").then().statusCode(200).extract().jsonPath().getLong("tokens.output");
    }

    /**
     * The counters once the request is logged: that happens when its answer has ended, off the event loop, so
     * the client can have its answer first. Bounded (10 s), never a timing assertion.
     */
    private static long[] awaitLogged(long[] before) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long[] now = counters();
        while (now[1] == before[1] && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = counters();
        }
        assertEquals(before[1] + 1, now[1], "the request is logged once");
        return now;
    }
}
