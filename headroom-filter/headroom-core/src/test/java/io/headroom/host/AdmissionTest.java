package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private static final Headroom HEADROOM = Headroom.create(HeadroomConfig.defaults());
    private final Admission admission = Admission.of(HEADROOM);

    @AfterAll
    static void close() {
        HEADROOM.close();
    }

    private static Function<String, String> headers(String... nameValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i].toLowerCase(Locale.ROOT), nameValues[i + 1]);
        }
        return name -> m.get(name.toLowerCase(Locale.ROOT));
    }

    @Test
    void describesWhatItRewritesForTheStartUpLine() {
        String line = admission.describe();
        for (Endpoint e : Endpoint.values()) {
            assertTrue(line.contains(e.path()), line);
        }
        assertTrue(line.contains("gzip") && line.contains(Long.toString(admission.maxBodyBytes())), line);
    }

    @Test
    void ignoresWhatIsNotAnLlmPost() {
        assertEquals(AdmissionDecision.Action.IGNORE, admission.decide("GET", "/v1/chat/completions", headers()).action());
        assertEquals(AdmissionDecision.Action.IGNORE, admission.decide("POST", "/v1/embeddings", headers()).action());
        assertTrue(admission.decide("POST", "/v1/models", headers()).responseHeaders().isEmpty());
    }

    @Test
    void readsJsonPostsToEveryEndpointAlsoUnderAPrefix() {
        AdmissionDecision d = admission.decide("POST", "/openai/v1/chat/completions",
                headers("Content-Type", "application/json; charset=utf-8", "x-headroom-mode", "audit"));
        assertTrue(d.readBody());
        assertEquals(Endpoint.OPENAI_CHAT, d.endpoint());
        assertEquals(Mode.AUDIT, d.modeOverride());
        assertEquals(Endpoint.ANTHROPIC_MESSAGES, admission.decide("POST", "/v1/messages", headers()).endpoint());
        assertNull(admission.decide("POST", "/v1/responses", headers("x-headroom-mode", "bogus")).modeOverride(),
                "an unknown mode keeps the configured one");
    }

    @Test
    void configuredPathsNarrowWhatIsRead() {
        Admission chatOnly = Admission.of(HEADROOM, List.of(" /v1/chat/completions/ ", ""));
        assertTrue(chatOnly.decide("POST", "/gw/v1/chat/completions", headers()).readBody());
        assertTrue(chatOnly.decide("POST", "/v1/chat/completions/", headers()).readBody());
        assertEquals(AdmissionDecision.Action.IGNORE, chatOnly.decide("POST", "/v1/messages", headers()).action());
        // a configured path that is not an LLM endpoint admits nothing
        Admission other = Admission.of(HEADROOM, List.of("/v1/embeddings"));
        assertEquals(AdmissionDecision.Action.IGNORE, other.decide("POST", "/v1/embeddings", headers()).action());
        assertThrows(IllegalArgumentException.class, () -> Admission.of(HEADROOM, List.of(" ")));
    }

    @Test
    void passesThroughAndCountsEachReason() {
        assertEquals(PassReason.BYPASS, admission.decide("POST", "/v1/messages", headers("X-Headroom-Bypass", " TRUE ")).reason());
        assertEquals(PassReason.CONTENT_TYPE, admission.decide("POST", "/v1/messages",
                headers("Content-Type", "multipart/form-data; boundary=x")).reason());
        assertEquals(PassReason.CONTENT_TYPE, admission.decide("POST", "/v1/messages",
                headers("Content-Type", "application/json; charset=iso-8859-1")).reason());
        assertEquals(PassReason.CONTENT_ENCODING, admission.decide("POST", "/v1/messages", headers("Content-Encoding", "br")).reason());
        assertEquals(PassReason.TOO_LARGE, admission.decide("POST", "/v1/messages",
                headers("Content-Length", Long.toString(admission.maxBodyBytes() + 1))).reason());
        AdmissionDecision bypass = admission.decide("POST", "/v1/messages", headers("x-headroom-bypass", "true"));
        assertEquals(HeadroomHeaders.untouched(), bypass.responseHeaders());
        Map<PassReason, Long> counts = admission.passedThrough();
        assertEquals(2, counts.get(PassReason.BYPASS));
        assertEquals(2, counts.get(PassReason.CONTENT_TYPE));
        assertEquals(1, counts.get(PassReason.CONTENT_ENCODING));
        assertEquals(1, counts.get(PassReason.TOO_LARGE));
    }

    @Test
    void rewritesAnIdentityBodyAndReportsTheTokens() {
        byte[] body = LlmRequests.openAiChat();
        AdmissionDecision d = admission.decide("POST", "/v1/chat/completions", headers("Content-Type", "application/json"));
        BodyRewrite r = admission.rewrite(HEADROOM, d, body, true, null);
        assertTrue(r.changed());
        assertFalse(r.decoded());
        assertTrue(r.body().length < body.length);
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains(LlmRequests.ERROR_NEEDLE));
        int before = Integer.parseInt(r.responseHeaders().get(HeadroomHeaders.TOKENS_BEFORE));
        int after = Integer.parseInt(r.responseHeaders().get(HeadroomHeaders.TOKENS_AFTER));
        assertEquals("true", r.responseHeaders().get(HeadroomHeaders.COMPRESSED));
        assertEquals(Integer.toString(before - after), r.responseHeaders().get(HeadroomHeaders.TOKENS_SAVED));
        assertTrue(after < before);
    }

    @Test
    void cacheHintsAloneGoOnChangedWithoutClaimingCompression() {
        String system = "You are the on-call assistant. " + "Follow the runbook step by step and cite it. ".repeat(300);
        byte[] body = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"system\":\"" + system + "\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Is the billing job healthy?\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        AdmissionDecision d = admission.decide("POST", "/v1/messages", headers("Content-Type", "application/json"));
        BodyRewrite r = admission.rewrite(HEADROOM, d, body, true, null);
        assertTrue(r.changed(), "the cache_control breakpoint is forwarded");
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"cache_control\""));
        assertEquals("false", r.responseHeaders().get(HeadroomHeaders.COMPRESSED));
        assertEquals("0", r.responseHeaders().get(HeadroomHeaders.TOKENS_SAVED));
    }

    @Test
    void aRequestOverTheDeadlineGoesOnAsSentAndIsCounted() {
        Headroom overDeadline = (Headroom) java.lang.reflect.Proxy.newProxyInstance(Headroom.class.getClassLoader(),
                new Class<?>[] {Headroom.class}, (proxy, method, args) -> method.getName().equals("process")
                        ? io.headroom.RequestOutcome.overDeadline((byte[]) args[1])
                        : method.invoke(HEADROOM, args));
        Admission counting = Admission.of(overDeadline);
        byte[] body = LlmRequests.openAiChat();
        AdmissionDecision d = counting.decide("POST", "/v1/chat/completions", headers("Content-Type", "application/json"));
        BodyRewrite r = counting.rewrite(overDeadline, d, body, true, null);
        assertSame(body, r.body());
        assertFalse(r.changed());
        assertEquals("false", r.responseHeaders().get(HeadroomHeaders.COMPRESSED));
        assertEquals(1, counting.passedThrough().get(PassReason.DEADLINE));
        assertEquals(0, counting.passedThrough().get(PassReason.FAILED_OPEN));
    }

    @Test
    void auditClaimsNoSavings() {
        byte[] body = LlmRequests.openAiChat();
        AdmissionDecision d = admission.decide("POST", "/v1/chat/completions", headers("x-headroom-mode", "audit"));
        BodyRewrite r = admission.rewrite(HEADROOM, d, body, true, null);
        assertSame(body, r.body(), "audit forwards the original array");
        assertFalse(r.changed());
        assertEquals("false", r.responseHeaders().get(HeadroomHeaders.COMPRESSED));
        assertEquals("0", r.responseHeaders().get(HeadroomHeaders.TOKENS_SAVED));
        assertEquals(r.responseHeaders().get(HeadroomHeaders.TOKENS_BEFORE), r.responseHeaders().get(HeadroomHeaders.TOKENS_AFTER));
        assertTrue(Integer.parseInt(r.responseHeaders().get(HeadroomHeaders.TOKENS_BEFORE)) > 0);
    }

    @Test
    void aRewrittenGzipBodyGoesOnDecodedAnUnchangedOneAsSent() throws IOException {
        byte[] gz = gzip(LlmRequests.openAiChat());
        AdmissionDecision d = admission.decide("POST", "/v1/chat/completions", headers("Content-Encoding", "gzip"));
        BodyRewrite r = admission.rewrite(HEADROOM, d, gz, true, null);
        assertTrue(r.changed());
        assertTrue(r.decoded());
        assertEquals('{', r.body()[0]);

        byte[] small = gzip("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8));
        BodyRewrite unchanged = admission.rewrite(HEADROOM, d, small, true, null);
        assertSame(small, unchanged.body());
        assertFalse(unchanged.decoded());
    }

    @Test
    void failsOpenOnWhatItCannotRead() throws IOException {
        AdmissionDecision gz = admission.decide("POST", "/v1/messages", headers("Content-Encoding", "gzip"));
        byte[] garbage = "not gzip at all".getBytes(StandardCharsets.UTF_8);
        assertSame(garbage, admission.rewrite(HEADROOM, gz, garbage, true, null).body());
        byte[] member = gzip(LlmRequests.anthropicMessages());
        byte[] withTrailing = Arrays.copyOf(member, member.length + 3);
        assertSame(withTrailing, admission.rewrite(HEADROOM, gz, withTrailing, true, null).body(),
                "bytes after the gzip member are not silently dropped: the body goes on as sent");

        AdmissionDecision plain = admission.decide("POST", "/v1/messages", headers());
        byte[] truncated = Arrays.copyOf(LlmRequests.anthropicMessages(), 500);
        BodyRewrite r = admission.rewrite(HEADROOM, plain, truncated, true, null);
        assertSame(truncated, r.body());
        assertEquals("false", r.responseHeaders().get(HeadroomHeaders.COMPRESSED));
        byte[] partial = LlmRequests.anthropicMessages();
        assertSame(partial, admission.rewrite(HEADROOM, plain, partial, false, null).body(), "an incomplete read goes on as sent");
        assertEquals(1, admission.passedThrough().get(PassReason.TOO_LARGE));
        assertEquals(2, admission.passedThrough().get(PassReason.UNDECODABLE));
    }

    @Test
    void aDecisionToPassCannotBeRewritten() {
        AdmissionDecision bypass = admission.decide("POST", "/v1/messages", headers("x-headroom-bypass", "true"));
        byte[] body = LlmRequests.anthropicMessages();
        try {
            admission.rewrite(HEADROOM, bypass, body, true, null);
            throw new AssertionError("expected IllegalArgumentException");
        } catch (IllegalArgumentException expected) {
            assertArrayEquals(LlmRequests.anthropicMessages(), body);
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
