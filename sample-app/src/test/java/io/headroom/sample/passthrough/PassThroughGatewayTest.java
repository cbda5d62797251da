package io.headroom.sample.passthrough;

import static io.headroom.sample.passthrough.ScriptedUpstream.answer;
import static io.headroom.sample.passthrough.ScriptedUpstreamResource.ANTHROPIC_PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paths the gateway does not compress reach the matching upstream as the client sent them (method, path,
 * query, end-to-end headers, body bytes) and the answer comes back as the upstream sent it, streamed.
 * Before this, each of them answered 404 from the gateway.
 */
@QuarkusTest
@WithTestResource(ScriptedUpstreamResource.class)
class PassThroughGatewayTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    ScriptedUpstream upstream;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void clean() {
        upstream.reset();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void modelListingGoesToOpenAiWithQueryAndHeadersAndComesBackAsAnswered() throws Exception {
        upstream.then(answer(200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"}]}",
                "openai-organization", "org-1", "x-request-id", "req-7"));

        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("v1/models?limit=2&after=gpt-3"))
                .header("Authorization", "Bearer sk-pass-through")
                .header("OpenAI-Organization", "org-1")
                .header("x-headroom-mode", "audit")
                .GET());

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"}]}", r.body());
        assertEquals("req-7", r.headers().firstValue("x-request-id").orElse(null));
        ScriptedUpstream.Received got = upstream.only();
        assertEquals("GET", got.method());
        assertEquals("/v1/models?limit=2&after=gpt-3", got.target(), "query untouched, /v1 not doubled");
        assertEquals("Bearer sk-pass-through", got.header("authorization"));
        assertEquals("org-1", got.header("openai-organization"));
        assertNull(got.header("x-headroom-mode"), "Headroom's own headers are not the provider's business");
        assertEquals(0, got.body().length, "a GET without a body goes on without one");
    }

    @Test
    void oneModelGoesToAnthropicForAnAnthropicClient() throws Exception {
        send(HttpRequest.newBuilder(base.resolve("v1/models/claude-sonnet-4-5"))
                .header("x-api-key", "sk-ant-key").header("anthropic-version", "2023-06-01").GET());

        ScriptedUpstream.Received got = upstream.only();
        assertEquals(ANTHROPIC_PREFIX + "/v1/models/claude-sonnet-4-5", got.target());
        assertEquals("sk-ant-key", got.header("x-api-key"));
    }

    @Test
    void countTokensGoesToAnthropicWithTheBodyByteForByte() throws Exception {
        upstream.then(answer(200, "application/json", "{\"input_tokens\":12}"));
        // odd spacing and key order: a re-serialised body would differ
        String body = "{ \"messages\" :[{\"role\":\"user\",\"content\":\"hi\"}],  \"model\":\"claude-sonnet-4-5\"}";

        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("v1/messages/count_tokens?beta=true"))
                .header("Content-Type", "application/json").header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(200, r.statusCode());
        assertEquals("{\"input_tokens\":12}", r.body());
        ScriptedUpstream.Received got = upstream.only();
        assertEquals("POST", got.method());
        assertEquals(ANTHROPIC_PREFIX + "/v1/messages/count_tokens?beta=true", got.target());
        assertEquals(body, got.bodyText());
    }

    @Test
    void batchesGoToAnthropicWhateverTheMethod() throws Exception {
        send(HttpRequest.newBuilder(base.resolve("v1/messages/batches/msgbatch_1/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        send(HttpRequest.newBuilder(base.resolve("v1/messages/batches?limit=5")).GET());

        assertEquals(2, upstream.received().size());
        assertEquals(ANTHROPIC_PREFIX + "/v1/messages/batches/msgbatch_1/cancel", upstream.received().get(0).target());
        assertEquals(ANTHROPIC_PREFIX + "/v1/messages/batches?limit=5", upstream.received().get(1).target());
    }

    @Test
    void embeddingsAndFilesGoToOpenAiWithTheirBodiesUntouched() throws Exception {
        String embeddings = "{\"model\":\"text-embedding-3-small\",  \"input\":\"h\u00e9llo\"}";
        send(HttpRequest.newBuilder(base.resolve("v1/embeddings")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(embeddings)));
        byte[] upload = new byte[300_000];
        for (int i = 0; i < upload.length; i++) {
            upload[i] = (byte) (i * 31);
        }
        // no declared length: the body arrives chunked and is streamed on as it comes
        send(HttpRequest.newBuilder(base.resolve("v1/files"))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(upload))));
        send(HttpRequest.newBuilder(base.resolve("v1/files/file-abc")).DELETE());

        assertEquals(3, upstream.received().size());
        assertEquals("/v1/embeddings", upstream.received().get(0).target());
        assertEquals(embeddings, upstream.received().get(0).bodyText());
        assertEquals("/v1/files", upstream.received().get(1).target());
        assertArrayEquals(upload, upstream.received().get(1).body());
        assertEquals("multipart/form-data; boundary=xyz", upstream.received().get(1).header("content-type"));
        assertEquals("DELETE", upstream.received().get(2).method());
        assertEquals("/v1/files/file-abc", upstream.received().get(2).target());
    }

    @Test
    void anyOtherPathAndMethodIsForwardedAndItsErrorStatusRelayed() throws Exception {
        upstream.then(answer(404, "application/json", "{\"error\":{\"message\":\"Unknown\"}}"));

        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("v1/organization/projects/p1?x=1"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"n\"}")));

        assertEquals(404, r.statusCode());
        assertEquals("{\"error\":{\"message\":\"Unknown\"}}", r.body(), "the provider's answer, not the gateway's");
        ScriptedUpstream.Received got = upstream.only();
        assertEquals("PATCH", got.method());
        assertEquals("/v1/organization/projects/p1?x=1", got.target());
        assertEquals("{\"name\":\"n\"}", got.bodyText());
    }

    @Test
    void answersStreamBackPartByPartNotBuffered() throws Exception {
        CountDownLatch secondPart = new CountDownLatch(1);
        upstream.then(ScriptedUpstream.inParts("text/event-stream", "data: first\n\n", secondPart,
                "data: second\n\n"));

        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(base.resolve("v1/responses/resp_1?stream=true"))
                .timeout(BOUND).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            assertEquals(200, r.statusCode());
            // the upstream holds its second part back until the client has read the first: a gateway that
            // buffered the answer would never hand the first part over (the client read would time out)
            byte[] first = in.readNBytes("data: first\n\n".length());
            assertEquals("data: first\n\n", new String(first, StandardCharsets.UTF_8));
            secondPart.countDown();
            assertEquals("data: second\n\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            secondPart.countDown();
        }
        assertEquals("/v1/responses/resp_1?stream=true", upstream.only().target());
    }

    @Test
    void operatorEndpointsKeepTheirRoutes() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("v1/compress")).GET());

        assertEquals(405, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("POST"));
        assertTrue(r.body().contains("method_not_allowed"), r.body());
        assertEquals(200, send(HttpRequest.newBuilder(base.resolve("health")).GET()).statusCode());
        assertEquals(0, upstream.received().size(), "nothing of the gateway's own reaches a provider");
    }
}
