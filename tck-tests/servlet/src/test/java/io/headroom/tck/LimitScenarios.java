package io.headroom.tck;

import io.headroom.conformance.LlmRequests;

import static io.headroom.tck.FilterAssertions.assertConsistentLength;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter's limits over real HTTP, once per container: encoded bodies are decoded within a size
 * and ratio limit (a gzip bomb goes on untouched), bodies that are not UTF-8 JSON go on untouched,
 * and pathological JSON (100k-deep nesting) is forwarded as sent.
 */
abstract class LimitScenarios extends ContainerScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "/api/v1/chat/completions";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    @BeforeAll
    void startContainer() throws Exception {
        base = start(new Deployment(
                List.of(new Deployment.FilterMount("headroom", "/api/*", Map.of())),
                List.of(new Deployment.ServletMount("echo", "/*", StreamEchoServlet.class))));
    }

    @Test
    void gzipBodyIsDecodedCompressedAndForwardedPlain() throws Exception {
        byte[] json = LlmRequests.openAiChat();
        Forwarded f = post(gzip(json), false, "Content-Encoding", "gzip");
        assertRewrittenPlain(f, json);
    }

    @Test
    void chunkedGzipBodyIsDecodedCompressedAndForwardedPlain() throws Exception {
        byte[] json = LlmRequests.anthropicMessages();
        Forwarded f = postTo("/api/v1/messages", gzip(json), true, "Content-Encoding", "gzip");
        assertRewrittenPlain(f, json);
    }

    @Test
    void deflateBodyIsDecodedCompressedAndForwardedPlain() throws Exception {
        byte[] json = LlmRequests.openAiChat();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater())) {
            d.write(json);
        }
        assertRewrittenPlain(post(out.toByteArray(), false, "Content-Encoding", "deflate"), json);
    }

    @Test
    void gzipBodyWithNothingToCompressIsForwardedAsSent() throws Exception {
        byte[] gz = gzip(LlmRequests.shortChat());
        Forwarded f = post(gz, false, "Content-Encoding", "gzip");
        assertUntouched(f, gz);
        assertEquals("gzip", f.contentEncoding());
    }

    /** 1 GiB of zeros in about 1 MiB of gzip: decoding stops at the limit and the body goes on as sent. */
    @Test
    void gzipBombIsForwardedUntouched() throws Exception {
        byte[] bomb = zerosGzip(1L << 30);
        assertTrue(bomb.length < 2 << 20, "bomb is " + bomb.length + " bytes");
        long start = System.nanoTime();
        Forwarded f = post(bomb, false, "Content-Encoding", "gzip");
        assertUntouched(f, bomb);
        assertEquals("gzip", f.contentEncoding());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "took too long: decoding did not stop early");
    }

    @Test
    void corruptGzipIsForwardedUntouched() throws Exception {
        byte[] gz = gzip(LlmRequests.openAiChat());
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        assertUntouched(post(truncated, false, "Content-Encoding", "gzip"), truncated);
    }

    @Test
    void otherEncodingsAreForwardedUntouched() throws Exception {
        byte[] json = LlmRequests.openAiChat(); // claims br: the filter cannot know, so it must not parse
        Forwarded f = post(json, false, "Content-Encoding", "br");
        assertUntouched(f, json);
        assertEquals("br", f.contentEncoding());
    }

    @Test
    void nonJsonContentTypesAreForwardedUntouched() throws Exception {
        byte[] json = LlmRequests.openAiChat();
        for (String type : List.of("text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                "application/octet-stream")) {
            assertUntouched(postTyped(CHAT, json, false, type), json);
        }
    }

    @Test
    void nonUtf8CharsetIsForwardedUntouched() throws Exception {
        byte[] utf16 = new String(LlmRequests.openAiChat(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        assertUntouched(postTyped(CHAT, utf16, false, "application/json; charset=utf-16"), utf16);
        byte[] json = LlmRequests.openAiChat();
        assertUntouched(postTyped(CHAT, json, false, "application/json; charset=ISO-8859-1"), json);
    }

    @Test
    void plusJsonMediaTypeIsCompressed() throws Exception {
        byte[] json = LlmRequests.openAiChat();
        Forwarded f = postTyped(CHAT, json, false, "application/vnd.openai+json");
        assertEquals("true", f.compressed());
        assertTrue(f.body().length < json.length);
    }

    @Test
    void chunkedPlainBodyIsCompressedWithAContentLength() throws Exception {
        byte[] json = LlmRequests.responses();
        Forwarded f = postTo("/api/v1/responses", json, true);
        assertEquals("true", f.compressed());
        assertConsistentLength(f.upstream());
        assertTrue(f.body().length < json.length);
    }

    /** Far beyond the parser's nesting limit: forwarded as sent, no StackOverflowError, no 500. */
    @Test
    void hundredThousandDeepNestingIsForwardedUntouched() throws Exception {
        int depth = 100_000;
        byte[] deep = ("{\"model\":\"gpt-4o\",\"messages\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertUntouched(post(deep, false), deep);
        byte[] deepTool = ("{\"messages\":[{\"role\":\"tool\",\"content\":\"" + "[".repeat(depth) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertUntouched(post(deepTool, false), deepTool); // as a tool output string: too short to compress, left alone
    }

    private static void assertRewrittenPlain(Forwarded f, byte[] json) throws IOException {
        assertEquals(200, f.status());
        assertEquals("true", f.compressed());
        assertNull(f.contentEncoding(), "a decoded body must not claim its old Content-Encoding");
        assertConsistentLength(f.upstream());
        assertTrue(f.body().length < json.length);
        JsonNode forwarded = JSON.readTree(f.body());
        String text = new String(f.body(), StandardCharsets.UTF_8);
        for (String needle : LlmRequests.NEEDLES) {
            assertTrue(text.contains(needle), "needle lost: " + needle);
        }
        assertEquals(JSON.readTree(json).path("model"), forwarded.path("model"));
    }

    private static void assertUntouched(Forwarded f, byte[] sent) {
        assertEquals(200, f.status());
        assertEquals("false", f.compressed());
        assertEquals("0", f.tokensSaved());
        assertArrayEquals(sent, f.body());
    }

    private Forwarded post(byte[] body, boolean chunked, String... headers) throws Exception {
        return postTo(CHAT, body, chunked, headers);
    }

    private Forwarded postTo(String path, byte[] body, boolean chunked, String... headers) throws Exception {
        return postTyped(path, body, chunked, "application/json", headers);
    }

    private Forwarded postTyped(String path, byte[] body, boolean chunked, String contentType, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .setHeader("Content-Type", contentType)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode report = JSON.readTree(r.body());
        return new Forwarded(r.statusCode(), r.headers().firstValue("x-headroom-compressed").orElse(null),
                r.headers().firstValue("x-headroom-tokens-saved").orElse(null),
                report.path("content_encoding").isNull() ? null : report.path("content_encoding").asText(),
                Base64.getDecoder().decode(report.path("body_base64").asText()), r.body());
    }

    /** What the application behind the filter received. */
    private record Forwarded(int status, String compressed, String tokensSaved, String contentEncoding, byte[] body,
                             byte[] report) {
        Upstream upstream() throws IOException {
            return Upstream.parse(report);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** {@code size} (a multiple of 1 MiB) zero bytes as repeated 1 MiB gzip members: about 1 KiB per MiB. */
    static byte[] zerosGzip(long size) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(member) {
            { def.setLevel(Deflater.BEST_COMPRESSION); }
        }) {
            gz.write(new byte[1 << 20]);
        }
        byte[] one = member.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; i < size >> 20; i++) {
            out.write(one);
        }
        return out.toByteArray();
    }
}
