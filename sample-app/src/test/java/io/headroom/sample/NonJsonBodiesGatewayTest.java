package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: bodies that are not JSON reach the provider exactly as sent, whatever their size. The
 * gateway used to read them with Vert.x's BodyHandler, which decodes forms and answered 400 for a form
 * field over 2 KB, so they were never forwarded. They go to the paths that take them ({@code /v1/files} here, any
 * pass-through path); an LLM route takes JSON only and answers them with the provider's 400, as the original does
 * ({@link BadJsonOnEveryLlmRouteGatewayTest}).
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class NonJsonBodiesGatewayTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @InjectUpstreamStub
    UpstreamStub upstream;

    @TestHTTPResource("/v1/files")
    URI filesUrl;

    @TestHTTPResource("/v1/chat/completions")
    URI chatUrl;

    @BeforeEach
    void clear() {
        upstream.clear();
    }

    @Test
    void aLargeFormIsRelayedByteExact() throws Exception {
        byte[] form = ("purpose=fine-tune&file=" + "a%2Fb+c".repeat(2 * 1024 * 1024 / 7) + "&n=1")
                .getBytes(StandardCharsets.US_ASCII);
        assertRelayedAsSent(form, "application/x-www-form-urlencoded", false);
    }

    @Test
    void aMultipartBodyIsRelayedByteExact() throws Exception {
        String boundary = "gateway-boundary";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"in.jsonl\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + "{\"custom_id\":\"r1\",\"x\":-0.0}\n".repeat(40_000)
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertRelayedAsSent(multipart, "multipart/form-data; boundary=" + boundary, false);
    }

    /** Sent chunked (no Content-Length): relayed chunked, still byte for byte. */
    @Test
    void aChunkedTextBodyIsRelayedByteExact() throws Exception {
        byte[] text = "line of plain text that is not JSON\n".repeat(60_000).getBytes(StandardCharsets.UTF_8);
        assertRelayedAsSent(text, "text/plain; charset=utf-8", true);
    }

    @Test
    void aFormOnAnLlmRouteGetsTheProvidersBadRequest() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(chatUrl)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer sk-test-not-real")
                .POST(HttpRequest.BodyPublishers.ofString("model=gpt-4o&stream=true")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"invalid_request_error\""), response.body());
        assertTrue(upstream.received().isEmpty(), "nothing reached the provider");
    }

    private void assertRelayedAsSent(byte[] body, String contentType, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(filesUrl)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer sk-test-not-real")
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("false", response.headers().firstValue("x-headroom-compressed").orElse("false"));
        UpstreamStub.Received got = upstream.last();
        assertArrayEquals(body, got.body(), "relayed byte for byte");
        assertEquals(contentType, got.header("content-type"));
        assertEquals("Bearer sk-test-not-real", got.header("authorization"));
        if (chunked) {
            assertNull(got.header("content-length"));
        } else {
            assertEquals(String.valueOf(body.length), got.header("content-length"));
        }
    }
}
