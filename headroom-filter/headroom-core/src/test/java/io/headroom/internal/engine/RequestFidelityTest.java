package io.headroom.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.RequestOutcome;
import io.headroom.host.HeadroomHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13 item 7: nothing the product does not mean to change is changed, on the proxied path. */
class RequestFidelityTest {
    /** Every number form a re-serialising proxy tends to rewrite, in fields Headroom knows and does not. */
    private static final String NUMBERS = "\"temperature\":-0.0,\"seed\":-0,\"top_p\":1.0e-7,\"n\":1E+2,"
            + "\"x_big_int\":123456789012345678901234567890,\"x_big_dec\":-0.000000000000000000000000000012345678901234567890,"
            + "\"x_list\":[-0,-0.0,0.50,1e400,2.5E-3]";
    /** A user message written with escapes (as Python's json.dumps writes it) and literal UTF-8. */
    private static final String USER = "\"caf\\u00e9 \\/ \\ud83d\\ude00 and caf\u00e9 \uD83D\uDE00 \\u0041\"";

    private final Headroom headroom = Headroom.create(HeadroomConfig.defaults());

    @AfterEach
    void close() {
        headroom.close();
    }

    private static byte[] chat(String userContent) {
        String logs = LlmRequests.logsText().replace("\\", "\\\\").replace("\"", "\\\"");
        return ("{\"model\":\"gpt-4o\"," + NUMBERS + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":" + userContent + "},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"search_logs\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"" + logs + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void numbersAndEscapedStringsKeepTheirBytesWhenTheToolOutputIsCompressed() {
        byte[] body = chat(USER);
        RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body, null);

        assertTrue(outcome.compressed(), "the tool output was compressed, so the body was written anew");
        String forwarded = new String(outcome.body(), StandardCharsets.UTF_8);
        assertTrue(forwarded.startsWith("{\"model\":\"gpt-4o\"," + NUMBERS + ",\"messages\":[{\"role\":\"user\",\"content\":"
                + USER + "},"), forwarded.substring(0, 400));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "F4908080", "F5", "FF", "80", "E282"})
    void invalidUtf8InAUserMessageIsForwardedAsSent(String hex) throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("\"see etc".getBytes(StandardCharsets.US_ASCII));
        content.write(HexFormat.of().parseHex(hex));
        content.write("passwd\"".getBytes(StandardCharsets.US_ASCII));
        byte[] body = chat(content.toString(StandardCharsets.ISO_8859_1));
        // chat() encoded the Latin-1 view as UTF-8: put the raw bytes back in place
        body = replace(body, content.toString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8),
                content.toByteArray());

        RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body, null);

        assertSame(body, outcome.body(), "forwarded byte for byte, never decoded into another character");
        assertFalse(outcome.compressed());
        assertFalse(outcome.bodyChanged());
        assertFalse(outcome.failedOpen(), "not JSON Headroom can read faithfully: a normal pass, not an error");
    }

    @Test
    void nothingCompressibleMeansNoCompressedHeaderAndTheBodyAsSent() {
        byte[] body = ("{\"model\":\"gpt-4o\",\"temperature\":-0.0,\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"Request 3f2a9c1e-7b4d-4e8f-9a2b-1c3d5e7f9a0b is being served. Today is 2026-12-06.\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8);

        RequestOutcome outcome = headroom.process(Endpoint.OPENAI_CHAT, body, null);

        assertSame(body, outcome.body(), "the system prompt is not aligned by default");
        assertEquals("false", HeadroomHeaders.of(outcome).get(HeadroomHeaders.COMPRESSED));
    }

    @Test
    void cacheHintsAloneChangeTheBodyButAreNotReportedAsCompression() {
        String system = "You are the on-call assistant. " + "Follow the runbook step by step and cite it. ".repeat(300);
        byte[] body = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":-0,\"system\":\"" + system + "\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Is the billing job healthy?\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        RequestOutcome outcome = headroom.process(Endpoint.ANTHROPIC_MESSAGES, body, null);

        assertNotSame(body, outcome.body());
        assertTrue(outcome.bodyChanged(), "a cache_control breakpoint was placed on the long system prompt");
        assertTrue(new String(outcome.body(), StandardCharsets.UTF_8).contains("\"cache_control\""));
        assertFalse(outcome.compressed());
        assertEquals("false", HeadroomHeaders.of(outcome).get(HeadroomHeaders.COMPRESSED));
        assertEquals(0, headroom.stats().requestsCompressed());
    }

    @Test
    void theAlignerRewritesSystemPromptsOnlyWhenEnabled() {
        byte[] body = ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"Request 3f2a9c1e-7b4d-4e8f-9a2b-1c3d5e7f9a0b is being served.\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8);
        HeadroomConfig optIn = HeadroomConfig.defaults().toBuilder().cacheAligner(a -> a.enabled(true)).build();
        try (Headroom aligned = Headroom.create(optIn)) {
            RequestOutcome outcome = aligned.process(Endpoint.OPENAI_CHAT, body, null);

            assertTrue(outcome.bodyChanged());
            assertTrue(new String(outcome.body(), StandardCharsets.UTF_8).contains("[Dynamic context]"));
            assertFalse(outcome.compressed(), "moving dynamic content is not compression");
        }
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        String w = new String(what, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(w);
        assertTrue(at >= 0);
        byte[] out = new byte[in.length - what.length + with.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(with, 0, out, at, with.length);
        System.arraycopy(in, at + what.length, out, at + with.length, in.length - at - what.length);
        return out;
    }
}
