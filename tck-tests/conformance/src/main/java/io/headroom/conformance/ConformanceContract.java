package io.headroom.conformance;

import static io.headroom.conformance.ConformanceAssertions.COMPRESSED;
import static io.headroom.conformance.ConformanceAssertions.assertCompressed;
import static io.headroom.conformance.ConformanceAssertions.assertForwardedAsSent;
import static io.headroom.conformance.ConformanceAssertions.assertNoHeadroomHeaders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The one conformance suite every host runs: Headroom installed in a real server the way that host's
 * users install it, driven over real HTTP/1.1 and h2c, with the same assertions for every host on what
 * the downstream handler received (byte level, via the {@link RecordingStub}) and what the client got.
 *
 * <p>A host test extends this class and implements {@link #newHost()}; see {@link HostUnderTest} for
 * what a host must provide. Nothing else may differ between hosts. A host that documents a limitation
 * ({@link HostUnderTest#limitations()}) gets the documented behaviour asserted instead, never a skip.
 *
 * <p>Every case runs over both {@link Protocol}s ({@link OverEveryProtocol}). The server is started once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceContract {
    /** The size limit every host is configured with: above any body that should be compressed. */
    public static final int MAX_BODY_BYTES = 128 * 1024;
    /** Image compression: off by default in the library, on in every contract host (issue 19: images in every host). */
    public static final String IMAGE_ENABLED_OPTION = "image.enabled";
    /** The pipeline's deadline, past which a request goes on unchanged. */
    public static final String COMPRESSION_DEADLINE_OPTION = "compression-deadline-ms";
    /**
     * Far above the 2 s default: no case tests the deadline, and on a loaded build machine the first image a JVM
     * decodes (ImageIO's plug-in scan, Java2D's start) must not turn into a deadline pass that fails an image case.
     */
    public static final long COMPRESSION_DEADLINE_MS = 30_000;
    /**
     * The Headroom options every host applies, by the core's option names; everything else is default.
     * A framework-managed host maps them onto its own configuration (e.g. {@code quarkus.headroom.max-body-bytes}).
     */
    public static final Map<String, String> HEADROOM_OPTIONS = Map.of("max-body-bytes", Integer.toString(MAX_BODY_BYTES),
            BodyLimits.BODY_READ_TIMEOUT_OPTION, Long.toString(BodyLimits.BODY_READ_TIMEOUT_MS),
            IMAGE_ENABLED_OPTION, "true", COMPRESSION_DEADLINE_OPTION, Long.toString(COMPRESSION_DEADLINE_MS));

    protected static final String CHAT = "/v1/chat/completions";
    protected static final String MESSAGES = "/v1/messages";
    protected static final String RESPONSES = "/v1/responses";
    /** An OpenAI path Headroom does not handle. */
    protected static final String EMBEDDINGS = "/v1/embeddings";
    protected static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HostUnderTest host;
    private ConformanceClient client;

    /** A new, not yet started host. */
    protected abstract HostUnderTest newHost();

    @BeforeAll
    final void startHost() throws Exception {
        client();
    }

    @AfterAll
    final void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    /** The client for this class's host, starting the host on first use. */
    protected final ConformanceClient client() throws Exception {
        if (client == null) {
            host = newHost();
            client = new ConformanceClient(host.start(HEADROOM_OPTIONS));
        }
        return client;
    }

    // ---- 1. compression of the three LLM API shapes -------------------------------------------------

    @OverEveryProtocol
    void openAiChatIsCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        JsonNode forwarded = expectCompressed(protocol, client().post(protocol, CHAT, original, JSON), original);
        if (forwarded != null) {
            assertEquals("gpt-4o", forwarded.path("model").asText());
            assertEquals(0.2, forwarded.path("temperature").asDouble());
            assertEquals(4, forwarded.path("messages").size());
            assertEquals(LlmRequests.SYSTEM, forwarded.path("messages").path(0).path("content").asText());
            assertEquals(LlmRequests.QUERY, forwarded.path("messages").path(1).path("content").asText());
            assertEquals("call_1", forwarded.path("messages").path(3).path("tool_call_id").asText());
        }
    }

    @OverEveryProtocol
    void anthropicMessagesAreCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.anthropicMessages();
        JsonNode forwarded = expectCompressed(protocol, client().post(protocol, MESSAGES, original, JSON), original);
        if (forwarded != null) {
            assertEquals(1024, forwarded.path("max_tokens").asInt());
            assertEquals(LlmRequests.SYSTEM, forwarded.path("system").asText());
            assertEquals(LlmRequests.QUERY, forwarded.path("messages").path(0).path("content").asText());
            assertEquals("toolu_01", forwarded.path("messages").path(2).path("content").path(0).path("tool_use_id").asText());
        }
    }

    @OverEveryProtocol
    void openAiResponsesAreCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.responses();
        JsonNode forwarded = expectCompressed(protocol, client().post(protocol, RESPONSES, original, JSON), original);
        if (forwarded != null) {
            assertEquals(LlmRequests.SYSTEM, forwarded.path("instructions").asText());
            assertEquals(3, forwarded.path("input").size());
            assertEquals("call_1", forwarded.path("input").path(2).path("call_id").asText());
        }
    }

    /** What is not compressed keeps its exact bytes: the user and system messages appear verbatim. */
    @OverEveryProtocol
    void userAndSystemMessagesKeepTheirExactBytes(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        ConformanceClient.Exchange exchange = client().post(protocol, CHAT, original, JSON);
        if (expectCompressed(protocol, exchange, original) == null) {
            return;
        }
        String sent = new String(original, StandardCharsets.UTF_8);
        String forwarded = exchange.received().bodyText();
        for (String message : List.of(LlmRequests.SYSTEM, LlmRequests.QUERY)) {
            String encoded = MAPPER.writeValueAsString(message);
            assertTrue(sent.contains(encoded), "fixture");
            assertTrue(forwarded.contains(encoded), "re-encoded or changed: " + encoded);
        }
    }

    @OverEveryProtocol
    void plusJsonMediaTypeIsCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        expectCompressed(protocol, client().post(protocol, CHAT, original, "application/vnd.openai+json"), original);
    }

    // ---- 2. request body encodings --------------------------------------------------------------------

    @OverEveryProtocol
    void identityEncodedBodyIsCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        expectCompressed(protocol, client().post(protocol, CHAT, original, JSON, "Content-Encoding", "identity"), original);
    }

    /** Over HTTP/1.1 chunked transfer coding; over h2 DATA frames without a content-length. */
    @OverEveryProtocol
    void bodyOfUnknownLengthIsCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        expectCompressed(protocol, client().postChunked(protocol, CHAT, original, JSON), original);
    }

    /** The rewritten body goes on decoded, so it must arrive without its old Content-Encoding. */
    @OverEveryProtocol
    void gzipBodyIsDecodedCompressedAndForwardedPlain(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] json = LlmRequests.openAiChat();
        byte[] gzipped = gzip(json);
        ConformanceClient.Exchange exchange = client().post(protocol, CHAT, gzipped, JSON, "Content-Encoding", "gzip");
        if (documentsH2PassThrough(protocol)) {
            assertForwardedAsSent(exchange, gzipped);
            return;
        }
        JsonNode forwarded = assertCompressed(exchange, json);
        assertEquals("gpt-4o", forwarded.path("model").asText());
    }

    @OverEveryProtocol
    void deflateBodyIsDecodedCompressedAndForwardedPlain(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] json = LlmRequests.openAiChat();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(deflated)) {
            d.write(json);
        }
        ConformanceClient.Exchange exchange =
                client().post(protocol, CHAT, deflated.toByteArray(), JSON, "Content-Encoding", "deflate");
        if (documentsH2PassThrough(protocol)) {
            assertForwardedAsSent(exchange, deflated.toByteArray());
            return;
        }
        assertCompressed(exchange, json);
    }

    /** Nothing to gain: the encoded original goes on, still labelled with its encoding. */
    @OverEveryProtocol
    void gzipBodyWithNothingToCompressIsForwardedAsSent(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] gzipped = gzip(LlmRequests.shortChat());
        RecordingStub.Received received = assertForwardedAsSent(
                client().post(protocol, CHAT, gzipped, JSON, "Content-Encoding", "gzip"), gzipped);
        assertEquals("gzip", received.contentEncoding());
    }

    @OverEveryProtocol
    void corruptGzipIsForwardedAsSent(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] gzipped = gzip(LlmRequests.openAiChat());
        byte[] truncated = Arrays.copyOf(gzipped, gzipped.length / 2);
        assertForwardedAsSent(client().post(protocol, CHAT, truncated, JSON, "Content-Encoding", "gzip"), truncated);
    }

    /** 64 MiB of zeros in about 64 KiB of gzip: decoding must stop at the size limit and pass it on as sent. */
    @OverEveryProtocol
    void gzipBombIsForwardedAsSent(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] bomb = zerosGzip(64);
        assertTrue(bomb.length < MAX_BODY_BYTES, "the bomb itself is within the limit: " + bomb.length);
        assertForwardedAsSent(client().post(protocol, CHAT, bomb, JSON, "Content-Encoding", "gzip"), bomb);
    }

    /** Headroom cannot read a body it cannot decode: it must pass on the exact bytes and the encoding. */
    @OverEveryProtocol
    void undecodableEncodingPassesThroughByteIdentical(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat(); // labelled br: read as JSON it would be rewritten
        RecordingStub.Received received = assertForwardedAsSent(
                client().post(protocol, CHAT, original, JSON, "Content-Encoding", "br"), original);
        assertEquals("br", received.contentEncoding());
    }

    // ---- 3. responses: JSON and server-sent events ---------------------------------------------------

    @OverEveryProtocol
    void jsonAnswerIsRelayedUnchanged(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        ConformanceClient.Exchange exchange = client().post(protocol, CHAT, LlmRequests.shortChat(), JSON);
        ConformanceAssertions.assertAnswerRelayed(exchange);
    }

    /**
     * The stub sends the first event and holds the rest until the client has read it: a host that
     * buffers the stream delivers nothing until the stub gives up waiting, and the recording says so.
     */
    @OverEveryProtocol
    void eventStreamIsRelayedEventByEventInOrder(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.streamingChat();
        ConformanceClient.Streaming streaming = client().postStreaming(protocol, CHAT, original, JSON,
                RecordingStub.RESPOND_HEADER, "sse");
        HttpResponse<java.io.InputStream> response = streaming.response();
        assertEquals(protocol.version(), response.version(), "the exchange fell back to another protocol");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                "Content-Type: " + response.headers().firstValue("Content-Type"));
        String compressed = response.headers().firstValue(COMPRESSED).orElse(null);
        assertEquals(documentsH2PassThrough(protocol) ? "false" : "true", compressed, COMPRESSED);

        List<String> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            events.add(nextEvent(reader));
            RecordingStub.release(streaming.id());
            String event;
            while ((event = nextEvent(reader)) != null) {
                events.add(event);
            }
        }
        assertEquals(RecordingStub.SSE_EVENTS, events, "events in order, none lost or merged");
        RecordingStub.Received received = RecordingStub.received(streaming.id());
        assertEquals(Boolean.TRUE, received.restSentAfterRelease(),
                "the client could not read the first event before the downstream sent the last: the stream was buffered");
        if (!documentsH2PassThrough(protocol)) {
            assertTrue(received.body().length < original.length, "the streaming request was compressed too");
        }
    }

    // ---- 4. bypass and audit -------------------------------------------------------------------------

    @OverEveryProtocol
    void bypassHeaderForwardsOriginalBytes(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        assertForwardedAsSent(client().post(protocol, CHAT, original, JSON, "x-headroom-bypass", "true"), original);
    }

    @OverEveryProtocol
    void passthroughModeHeaderForwardsOriginalBytes(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.anthropicMessages();
        assertForwardedAsSent(client().post(protocol, MESSAGES, original, JSON, "x-headroom-mode", "passthrough"), original);
    }

    /** An unknown mode must not fail the request: the configured mode (optimize) applies. */
    @OverEveryProtocol
    void unknownModeHeaderKeepsTheConfiguredMode(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        expectCompressed(protocol, client().post(protocol, CHAT, original, JSON, "x-headroom-mode", "turbo"), original);
    }

    /** Audit measures but never rewrites, and no header may claim tokens were saved. */
    @OverEveryProtocol
    void auditModeForwardsOriginalBytesAndClaimsNoSavings(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        assertForwardedAsSent(client().post(protocol, CHAT, original, JSON, "x-headroom-mode", "audit"), original);
    }

    // ---- 5. fail open: oversized and malformed bodies ------------------------------------------------

    @OverEveryProtocol
    void oversizedBodyFailsOpen(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.oversizedChat();
        assertTrue(original.length > MAX_BODY_BYTES, "fixture of " + original.length + " bytes");
        assertForwardedAsSent(client().post(protocol, CHAT, original, JSON), original);
    }

    /** Without a Content-Length the adapter only finds out while reading; the bytes must still all arrive. */
    @OverEveryProtocol
    void oversizedBodyOfUnknownLengthFailsOpen(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.oversizedChat();
        assertForwardedAsSent(client().postChunked(protocol, CHAT, original, JSON), original);
    }

    @OverEveryProtocol
    void truncatedJsonFailsOpen(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.truncatedChat();
        assertForwardedAsSent(client().post(protocol, CHAT, original, JSON), original);
    }

    @OverEveryProtocol
    void duplicateKeysFailOpen(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.duplicateKeyChat();
        assertForwardedAsSent(client().post(protocol, CHAT, original, JSON), original);
    }

    /** Far beyond any parser's nesting limit: forwarded as sent, no StackOverflowError, no 500. */
    @OverEveryProtocol
    void deeplyNestedJsonFailsOpen(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        int depth = 50_000;
        byte[] deep = ("{\"model\":\"gpt-4o\",\"messages\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertForwardedAsSent(client().post(protocol, CHAT, deep, JSON), deep);
    }

    // ---- 6. what Headroom must leave alone -----------------------------------------------------------

    /** Content under the compression threshold is never touched. */
    @OverEveryProtocol
    void smallRequestIsForwardedAsSent(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.shortChat();
        assertForwardedAsSent(client().post(protocol, CHAT, original, JSON), original);
    }

    @OverEveryProtocol
    void otherPathsAreUntouchedAndUnmarked(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        ConformanceClient.Exchange exchange = client().post(protocol, EMBEDDINGS, original, JSON);
        ConformanceAssertions.assertAnswerRelayed(exchange);
        assertNoHeadroomHeaders(exchange);
        RecordingStub.Received received = exchange.received();
        assertArrayEquals(original, received.body());
        assertEquals(EMBEDDINGS, received.path());
    }

    @OverEveryProtocol
    void getOnAnLlmPathIsUntouchedAndUnmarked(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        ConformanceClient.Exchange exchange = client().get(protocol, CHAT);
        ConformanceAssertions.assertAnswerRelayed(exchange);
        assertNoHeadroomHeaders(exchange);
        assertEquals("GET", exchange.received().method());
    }

    @OverEveryProtocol
    void nonJsonContentTypePassesThrough(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = LlmRequests.openAiChat();
        RecordingStub.Received received = assertForwardedAsSent(
                client().post(protocol, CHAT, original, "text/plain; charset=utf-8"), original);
        assertTrue(String.valueOf(received.contentType()).startsWith("text/plain"),
                "Content-Type seen downstream: " + received.contentType());
    }

    /** Only UTF-8 JSON is rewritten: another charset goes on untouched. */
    @OverEveryProtocol
    void nonUtf8CharsetPassesThrough(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] utf16 = new String(LlmRequests.openAiChat(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        assertForwardedAsSent(client().post(protocol, CHAT, utf16, "application/json; charset=utf-16"), utf16);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * {@link ConformanceAssertions#assertCompressed}, or, where the host documents that HTTP/2 requests
     * pass through, the documented behaviour (original bytes downstream, no savings claimed) and null.
     */
    private JsonNode expectCompressed(Protocol protocol, ConformanceClient.Exchange exchange, byte[] original)
            throws IOException, InterruptedException {
        if (documentsH2PassThrough(protocol)) {
            assertForwardedAsSent(exchange, original);
            assertEquals("false", exchange.header(COMPRESSED), "the documented pass-through says so");
            return null;
        }
        return assertCompressed(exchange, original);
    }

    private boolean documentsH2PassThrough(Protocol protocol) {
        return protocol == Protocol.H2C && host.limitations().contains(Limitation.H2_REQUESTS_PASS_THROUGH);
    }

    /** The data of the next event, or null at the end of the stream. */
    private static String nextEvent(BufferedReader reader) throws IOException {
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring("data:".length()).stripLeading();
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : data.toString();
    }

    /** {@code mebibytes} MiB of zero bytes as repeated 1 MiB gzip members: about 1 KiB per MiB. */
    private static byte[] zerosGzip(int mebibytes) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
            gz.write(new byte[1 << 20]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < mebibytes; i++) {
            member.writeTo(out);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    // ---- issue 13, core fidelity: nothing changed that the product does not mean to change -----------

    /** Number forms a re-serialising proxy tends to rewrite, in fields Headroom knows and in unknown ones. */
    private static final String EXACT_NUMBERS = "\"frequency_penalty\":-0.0,\"seed\":-0,\"n\":1E+2,\"top_p\":1.0e-7,"
            + "\"x_big\":123456789012345678901234567890.000000000000000000001,\"x_list\":[-0,-0.0,2.5E-3]";

    /** An overlong UTF-8 sequence ({@code C0 AF}, an overlong '/') in a user message: the body goes on as sent. */
    @OverEveryProtocol
    void overlongUtf8IsForwardedAsSent(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        String marker = "find the error";
        byte[] chat = LlmRequests.openAiChat();
        String text = new String(chat, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        assertTrue(at > 0, "fixture");
        byte[] original = Arrays.copyOf(chat, chat.length);
        original[at + 4] = (byte) 0xC0; // "find" + C0 AF + "he error": decoded leniently this would read "find/he error"
        original[at + 5] = (byte) 0xAF;
        assertForwardedAsSent(client().post(protocol, CHAT, original, JSON), original);
    }

    /** A compressed request keeps every number it does not compress as the exact text the client sent. */
    @OverEveryProtocol
    void numbersKeepTheirExactText(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        String chat = new String(LlmRequests.openAiChat(), StandardCharsets.UTF_8);
        assertTrue(chat.startsWith("{\"model\":\"gpt-4o\","), "fixture");
        byte[] original = ("{\"model\":\"gpt-4o\"," + EXACT_NUMBERS + "," + chat.substring("{\"model\":\"gpt-4o\",".length()))
                .getBytes(StandardCharsets.UTF_8);
        ConformanceClient.Exchange exchange = client().post(protocol, CHAT, original, JSON);
        if (expectCompressed(protocol, exchange, original) != null) {
            assertTrue(exchange.received().bodyText().startsWith("{\"model\":\"gpt-4o\"," + EXACT_NUMBERS + ","),
                    "numbers rewritten: " + exchange.received().bodyText().substring(0, 200));
        }
    }

    /**
     * A request with nothing to compress (a system prompt full of dates and ids, a short question) goes
     * on as sent, and the answer says {@code x-headroom-compressed: false}: the cache aligner is opt-in.
     */
    @OverEveryProtocol
    void nothingCompressibleIsNotReportedCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = ("{\"model\":\"gpt-4o\",\"temperature\":-0.0,\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"Request 3f2a9c1e-7b4d-4e8f-9a2b-1c3d5e7f9a0b is being served. Today is 2026-12-06 08:15:02 UTC.\"},"
                + "{\"role\":\"user\",\"content\":\"Is the billing job healthy?\"}]}").getBytes(StandardCharsets.UTF_8);
        ConformanceClient.Exchange exchange = client().post(protocol, CHAT, original, JSON);
        assertForwardedAsSent(exchange, original);
        assertEquals("false", exchange.header(COMPRESSED), COMPRESSED);
    }

    // ---- issue 13, part host-body-io: bodies Headroom does not read ----------------------------------
    // Form and multipart bodies are never read, parsed or buffered by Headroom, whatever their size: they reach
    // the downstream exactly as sent (the gateway used to answer 400 for forms over 1 KB).

    /** 2 MB of url-encoded form, one large field among small ones. */
    @OverEveryProtocol
    void largeFormBodyIsForwardedByteExact(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] form = ("purpose=fine-tune&file=" + "a%2Fb+c".repeat(2 * 1024 * 1024 / 7) + "&n=1")
                .getBytes(StandardCharsets.US_ASCII);
        assertForwardedAsSent(client().post(protocol, CHAT, form, "application/x-www-form-urlencoded"), form);
    }

    /** A multipart body with a JSON-looking part: still not Headroom's to read. */
    @OverEveryProtocol
    void multipartBodyIsForwardedByteExact(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        String boundary = "headroom-conformance-boundary";
        byte[] multipart = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"purpose\"\r\n\r\nassistants\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"chat.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + new String(LlmRequests.openAiChat(), StandardCharsets.UTF_8).repeat(8) + "\r\n"
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertForwardedAsSent(client().post(protocol, CHAT, multipart, "multipart/form-data; boundary=" + boundary),
                multipart);
    }

    // ---- issue 13, part i13-hosts: every body-read limit, in every host ------------------------------
    // The read limit (BodyLimits.READ_LIMIT_BYTES: the Vert.x handler's readLimit, Quarkus's
    // quarkus.http.limits.max-body-size) answers 413 with the JSON error body, whether the length was declared
    // or not; a body that stops arriving is answered 408 (JSON) or cut off after body-read-timeout-ms.

    @OverEveryProtocol
    void declaredBodyOverTheReadLimitIsAJson413(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = BodyLimits.overReadLimit();
        ConformanceClient.Exchange exchange = client().post(protocol, CHAT, original, JSON);
        if (host.limitations().contains(Limitation.CONTAINER_BOUNDS_BODY_READS)) {
            assertForwardedAsSent(exchange, original);
            return;
        }
        BodyLimits.assertJsonError(413, "payload_too_large", exchange.status(), exchange.header("Content-Type"),
                exchange.body());
    }

    @OverEveryProtocol
    void bodyOfUnknownLengthOverTheReadLimitIsAJson413(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = BodyLimits.overReadLimit();
        ConformanceClient.Exchange exchange = client().postChunked(protocol, CHAT, original, JSON);
        if (host.limitations().contains(Limitation.CONTAINER_BOUNDS_BODY_READS)) {
            assertForwardedAsSent(exchange, original);
            return;
        }
        BodyLimits.assertJsonError(413, "payload_too_large", exchange.status(), exchange.header("Content-Type"),
                exchange.body());
    }

    /**
     * Headers and part of the body, then silence: answered 408 (JSON) or the connection closed once
     * body-read-timeout-ms passed. Where the container owns the timeout, the sender is still being waited for at
     * twice body-read-timeout-ms (the container's idle timeout is far longer). HTTP/1.1 only for now: over h2c
     * the JDK client did not surface the Vert.x host's answer to a stream whose request body is still open
     * (no answer within 13 s; not yet known whether client or server side), so that half is not asserted yet.
     */
    @org.junit.jupiter.api.Test
    void bodyThatStopsArrivingIsAnswered408OrCutOff() throws Exception {
        Protocol protocol = Protocol.HTTP_1_1;
        client();
        if (host.limitations().contains(Limitation.CONTAINER_BOUNDS_BODY_READS)) {
            BodyLimits.assertStillWaitedFor(protocol, client().base());
            return;
        }
        BodyLimits.assertAnswered408OrCutOff(protocol, client().base());
    }

    // ---- issue 19, part hostimg19: images in every host ----------------------------------------------
    // image.enabled is on in HEADROOM_OPTIONS; the image stage is the core's, so every host must send the smaller
    // image and report it in x-headroom-image-* exactly like the gateway (src-docs/images.md).

    /** A general question about a photo: OpenAI gets {@code "detail": "low"} and the same pixels (765 -> 85 tokens). */
    @OverEveryProtocol
    void openAiImageIsSentAtLowDetail(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = ImageRequests.openAiPhoto();
        assertTrue(original.length < MAX_BODY_BYTES / 2, "fixture of " + original.length + " bytes");
        ConformanceClient.Exchange exchange = client().post(protocol, CHAT, original, JSON);
        JsonNode forwarded = expectImagesRewritten(protocol, exchange, original);
        if (forwarded == null) {
            return;
        }
        JsonNode image = forwarded.at("/messages/0/content/1/image_url");
        assertEquals("low", image.path("detail").asText(), "detail of the forwarded image: " + image.path("detail"));
        assertEquals(ImageRequests.photoDataUrl(), image.path("url").asText(), "low detail changes no byte of the image");
        assertEquals(ImageRequests.PICTURE_QUESTION, forwarded.at("/messages/0/content/0/text").asText());
        ConformanceAssertions.assertImageHeaders(exchange, ImageRequests.OPENAI_600_SQUARE_TOKENS,
                ImageRequests.OPENAI_LOW_DETAIL_TOKENS, "full_low:1:765:85");
    }

    /**
     * A general question about a 1200 x 800 screenshot: Anthropic gets a copy 512 px on its long edge, still a PNG,
     * and the headers count both by Anthropic's rule, ceil(w x h / 750), the forwarded one from its real size.
     */
    @OverEveryProtocol
    void anthropicImageIsSentAsASmallerCopy(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = ImageRequests.anthropicScreenshot();
        assertTrue(original.length < MAX_BODY_BYTES / 2, "fixture of " + original.length + " bytes");
        ConformanceClient.Exchange exchange = client().post(protocol, MESSAGES, original, JSON);
        JsonNode forwarded = expectImagesRewritten(protocol, exchange, original);
        if (forwarded == null) {
            return;
        }
        assertTrue(exchange.received().body().length < original.length, "the smaller copy makes the body smaller");
        JsonNode source = forwarded.at("/messages/0/content/0/source");
        assertEquals("image/png", source.path("media_type").asText(), "the format is kept");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(source.path("data").asText())));
        assertTrue(sent != null, "the forwarded image is not a readable PNG");
        assertEquals(512, sent.getWidth(), "long edge of the forwarded copy");
        assertEquals(800.0 * 512 / 1200, sent.getHeight(), 1.0, "aspect kept");
        int after = (int) Math.ceil(sent.getWidth() * (double) sent.getHeight() / 750);
        ConformanceAssertions.assertImageHeaders(exchange, ImageRequests.ANTHROPIC_1200_BY_800_TOKENS, after,
                "full_low:1:" + ImageRequests.ANTHROPIC_1200_BY_800_TOKENS + ":" + after);
        assertEquals(ImageRequests.SCREENSHOT_QUESTION, forwarded.at("/messages/0/content/1/text").asText());
    }

    /**
     * Random bytes labelled {@code image/png} next to a large tool output (Anthropic): the image goes on byte for
     * byte, counted at the default size under {@code unread}; the request still succeeds and its tool output is
     * compressed.
     */
    @OverEveryProtocol
    void unreadableImageIsForwardedAsSentAndTheRestCompressed(String protocolName) throws Exception {
        Protocol protocol = Protocol.valueOf(protocolName);
        byte[] original = ImageRequests.anthropicMessagesWithUnreadableImage();
        ConformanceClient.Exchange exchange = client().post(protocol, MESSAGES, original, JSON);
        JsonNode forwarded = expectCompressed(protocol, exchange, original);
        if (forwarded == null) {
            return;
        }
        JsonNode user = forwarded.path("messages").path(0).path("content");
        assertEquals(ImageRequests.unreadableImageBlock(), user.path(0), "the unread image block changed");
        String sent = new String(original, StandardCharsets.UTF_8);
        String block = MAPPER.writeValueAsString(ImageRequests.unreadableImageBlock());
        assertTrue(sent.contains(block), "fixture");
        assertTrue(exchange.received().bodyText().contains(block), "the unread image is not byte-identical");
        assertEquals(LlmRequests.QUERY, user.at("/1/text").asText());
        int unread = ImageRequests.UNREADABLE_IMAGE_TOKENS;
        ConformanceAssertions.assertImageHeaders(exchange, unread, unread, "unread:1:" + unread + ":" + unread);
    }

    /**
     * {@link ConformanceAssertions#assertRewritten}, or, where the host documents that HTTP/2 requests pass
     * through, the documented behaviour (original bytes downstream, no savings claimed) and null.
     */
    private JsonNode expectImagesRewritten(Protocol protocol, ConformanceClient.Exchange exchange, byte[] original)
            throws IOException, InterruptedException {
        if (documentsH2PassThrough(protocol)) {
            assertForwardedAsSent(exchange, original);
            assertEquals("false", exchange.header(COMPRESSED), "the documented pass-through says so");
            return null;
        }
        return ConformanceAssertions.assertRewritten(exchange);
    }
}
