package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
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
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The route filter's limits: gzip/deflate bodies are decoded within max-body-bytes and a 100x ratio
 * (a 1 GiB bomb goes on untouched), bodies that are not UTF-8 JSON go on untouched, and 100k-deep
 * nesting is forwarded as sent.
 */
class HeadroomLimitsTest {
    private static final String VERTX = "/enc/v1/chat/completions";
    private static final String REST = "/v1/chat/completions";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EncodingEchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest
    @ValueSource(strings = {VERTX, REST})
    void gzipBodyIsDecodedCompressedAndForwardedPlain(String path) throws Exception {
        byte[] json = Fixtures.openAiChatRequest();
        HttpResponse<byte[]> r = post(path, gzip(json), false, "application/json", "Content-Encoding", "gzip");
        assertRewrittenPlain(r, json, path.equals(VERTX));
    }

    /** The same over h2c: the Vert.x route's body is read by the route filter, the REST one inside Quarkus REST. */
    @ParameterizedTest
    @ValueSource(strings = {VERTX, REST})
    void gzipBodyOverHttp2IsDecodedCompressedAndForwardedPlain(String path) throws Exception {
        byte[] json = Fixtures.openAiChatRequest();
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        h2c.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<byte[]> r = h2c.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertRewrittenPlain(r, json, path.equals(VERTX));
    }

    @Test
    void chunkedDeflateBodyIsDecodedCompressedAndForwardedPlain() throws Exception {
        byte[] json = Fixtures.anthropicMessagesRequest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater())) {
            d.write(json);
        }
        HttpResponse<byte[]> r = post("/enc/v1/messages", out.toByteArray(), true, "application/json",
                "Content-Encoding", "deflate");
        assertRewrittenPlain(r, json, true);
    }

    @Test
    void gzipBodyWithNothingToCompressIsForwardedAsSent() throws Exception {
        byte[] gz = gzip("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = post(VERTX, gz, false, "application/json", "Content-Encoding", "gzip");
        assertUntouched(r, gz);
        assertEquals("gzip", r.headers().firstValue(EncodingEchoRoutes.ECHO_ENCODING).orElseThrow());
    }

    /** 1 GiB of zeros as about 1 MiB of gzip: decoding stops at the limit, the body goes on as sent. */
    @ParameterizedTest
    @ValueSource(strings = {VERTX, REST})
    void gzipBombIsForwardedUntouched(String path) throws Exception {
        byte[] bomb = zerosGzip(1L << 30);
        assertTrue(bomb.length < 2 << 20, "bomb is " + bomb.length + " bytes");
        HttpResponse<byte[]> r = post(path, bomb, false, "application/json", "Content-Encoding", "gzip");
        assertUntouched(r, bomb);
    }

    @Test
    void corruptGzipAndOtherEncodingsAreForwardedUntouched() throws Exception {
        byte[] gz = gzip(Fixtures.openAiChatRequest());
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        assertUntouched(post(VERTX, truncated, false, "application/json", "Content-Encoding", "gzip"), truncated);
        byte[] json = Fixtures.openAiChatRequest();
        HttpResponse<byte[]> br = post(VERTX, json, false, "application/json", "Content-Encoding", "br");
        assertUntouched(br, json);
        assertEquals("br", br.headers().firstValue(EncodingEchoRoutes.ECHO_ENCODING).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/octet-stream", "application/json; charset=ISO-8859-1"})
    void bodiesThatAreNotUtf8JsonAreForwardedUntouched(String contentType) throws Exception {
        byte[] json = Fixtures.openAiChatRequest();
        assertUntouched(post(VERTX, json, false, contentType), json);
    }

    @Test
    void formBodiesAreForwardedUntouched() throws Exception {
        // small: the echo route's BodyHandler limits form attributes to 8 KiB
        byte[] form = "model=gpt-4o&messages=%5B%7B%22role%22%3A%22user%22%7D%5D".getBytes(StandardCharsets.US_ASCII);
        assertUntouched(post(VERTX, form, false, "application/x-www-form-urlencoded"), form);
    }

    @Test
    void utf16JsonIsForwardedUntouched() throws Exception {
        byte[] utf16 = new String(Fixtures.openAiChatRequest(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        assertUntouched(post(VERTX, utf16, false, "application/json; charset=utf-16"), utf16);
    }

    @Test
    void hundredThousandDeepNestingIsForwardedUntouched() throws Exception {
        int depth = 100_000;
        byte[] deep = ("{\"model\":\"gpt-4o\",\"messages\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertUntouched(post(VERTX, deep, false, "application/json"), deep);
        assertUntouched(post(VERTX, deep, true, "application/json"), deep);
    }

    private static void assertRewrittenPlain(HttpResponse<byte[]> r, byte[] json, boolean seesHeaders) {
        assertEquals(200, r.statusCode());
        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElseThrow());
        assertTrue(r.body().length < json.length, "forwarded " + r.body().length + " of " + json.length);
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains(Fixtures.ERROR_NEEDLE));
        Fixtures.parse(r.body()); // plain, valid JSON
        assertEquals(String.valueOf(r.body().length), r.headers().firstValue(EchoResource.ECHO_LENGTH).orElseThrow());
        if (seesHeaders) {
            assertEquals("none", r.headers().firstValue(EncodingEchoRoutes.ECHO_ENCODING).orElseThrow(),
                    "a decoded body must not claim its old Content-Encoding");
        }
    }

    private static void assertUntouched(HttpResponse<byte[]> r, byte[] sent) {
        assertEquals(200, r.statusCode());
        assertEquals("false", r.headers().firstValue("x-headroom-compressed").orElseThrow());
        assertEquals("0", r.headers().firstValue("x-headroom-tokens-saved").orElseThrow());
        assertArrayEquals(sent, r.body());
    }

    private HttpResponse<byte[]> post(String path, byte[] body, boolean chunked, String contentType, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .setHeader("Content-Type", contentType)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** {@code size} (a multiple of 1 MiB) zero bytes as repeated 1 MiB gzip members: about 1 KiB per MiB. */
    private static byte[] zerosGzip(long size) throws IOException {
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
