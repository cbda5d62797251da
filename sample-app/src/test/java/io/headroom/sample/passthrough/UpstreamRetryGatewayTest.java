package io.headroom.sample.passthrough;

import static io.headroom.sample.passthrough.ScriptedUpstream.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upstream answers that mean "try again" (429, 529, other 5xx) are retried before anything reaches the
 * client, up to headroom.gateway.retry.max-attempts (3), and the client gets the first usable answer; when
 * every attempt fails it gets the last answer as the provider sent it. Other answers, and answers whose
 * bytes already reached the client, are never repeated. Assertions are on counts and outcomes, not time.
 */
@QuarkusTest
@WithTestResource(ScriptedUpstreamResource.class)
class UpstreamRetryGatewayTest {
    static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    static final String MESSAGES = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    static final String OK_CHAT = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[]}";

    ScriptedUpstream upstream;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void clean() {
        upstream.reset();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-retry")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rateLimitWithRetryAfterIsRetriedWithTheSameBody() throws Exception {
        upstream.then(answer(429, "application/json", "{\"error\":{\"type\":\"rate_limit_error\"}}",
                        "retry-after", "0"),
                answer(200, "application/json", OK_CHAT));

        HttpResponse<String> r = post("v1/chat/completions", CHAT);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(OK_CHAT, r.body());
        assertEquals(2, upstream.received().size());
        assertEquals(upstream.received().get(0).bodyText(), upstream.received().get(1).bodyText());
        assertEquals("Bearer sk-retry", upstream.received().get(1).header("authorization"));
    }

    @Test
    void overloadedAnthropicIsRetried() throws Exception {
        upstream.then(answer(529, "application/json",
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"),
                answer(200, "application/json", "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[]}"));

        HttpResponse<String> r = post("v1/messages", MESSAGES);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, upstream.received().size());
    }

    @Test
    void serverErrorsAreRetriedUntilOneSucceeds() throws Exception {
        upstream.then(answer(503, "text/plain", "unavailable"), answer(500, "text/plain", "oops"),
                answer(200, "application/json", OK_CHAT));

        HttpResponse<String> r = post("v1/chat/completions", CHAT);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, upstream.received().size());
    }

    @Test
    void exhaustedRetriesRelayTheLastAnswerAsSent() throws Exception {
        upstream.then(answer(503, "text/plain", "one"), answer(503, "text/plain", "two"),
                answer(503, "text/plain", "three", "x-upstream", "last"), answer(200, "application/json", OK_CHAT));

        HttpResponse<String> r = post("v1/chat/completions", CHAT);

        assertEquals(503, r.statusCode());
        assertEquals("three", r.body());
        assertEquals("last", r.headers().firstValue("x-upstream").orElse(null));
        assertEquals(3, upstream.received().size(), "max-attempts counts the first attempt");
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        upstream.then(answer(400, "application/json", "{\"error\":{\"message\":\"bad model\"}}"),
                answer(200, "application/json", OK_CHAT));

        assertEquals(400, post("v1/chat/completions", CHAT).statusCode());
        assertEquals(1, upstream.received().size());
    }

    @Test
    void noRetryOnceAnswerBytesReachedTheClient() throws Exception {
        upstream.then(ScriptedUpstream.breaksAfter("text/event-stream", "data: {\"partial\":true}\n\n"),
                answer(200, "application/json", OK_CHAT));

        try {
            HttpResponse<String> r = post("v1/chat/completions", CHAT);
            assertEquals(200, r.statusCode());
            assertTrue(!r.body().contains("c1"), "the second attempt's answer must never be spliced in: " + r.body());
        } catch (IOException broken) {
            // the break reached the client as a broken answer: what it must see
        }
        assertEquals(1, upstream.received().size(), "an answer that started is never asked for again");
    }

    @Test
    void passThroughWithoutBodyIsRetriedToo() throws Exception {
        upstream.then(answer(502, "text/plain", "bad gateway"),
                answer(200, "application/json", "{\"object\":\"list\",\"data\":[]}"));

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("v1/models"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, upstream.received().size());
    }
}
