package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The streaming judgement of a body, fed in small chunks the way a request arrives. */
class JsonStreamCheckTest {
    private static final long LIMIT = 64L << 20;

    private static Optional<String> judge(byte[] body, String encoding, int chunk) {
        try (JsonStreamCheck check = JsonStreamCheck.forEncoding(encoding, LIMIT).orElseThrow()) {
            for (int i = 0; i < body.length; i += chunk) {
                Optional<String> p = check.feed(Buffer.buffer().appendBytes(body, i, Math.min(chunk, body.length - i)));
                if (p.isPresent()) {
                    return p;
                }
            }
            return check.end();
        }
    }

    private static Optional<String> judge(String body) {
        return judge(body.getBytes(StandardCharsets.UTF_8), null, 3);
    }

    @Test
    void oneObjectSplitAnywhereIsValid() {
        assertEquals(Optional.empty(), judge("  {\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"a \\\"b\\\" é\"}],\"n\":-1.5e3}\n"));
    }

    @Test
    void whatIsNotOneObjectIsNamed() {
        assertTrue(judge("{\"model\":\"gpt-4o\"").isPresent(), "ends inside the object");
        assertTrue(judge("{\"model\":\"gpt-4o\",").isPresent(), "ends inside the object");
        assertTrue(judge("{\"a\":1} {\"b\":2}").orElseThrow().contains("after the JSON object"));
        assertTrue(judge("[1,2]").orElseThrow().contains("must be a JSON object"));
        assertTrue(judge("").orElseThrow().contains("must be a JSON object"));
        assertTrue(judge("model=gpt-4o&stream=true").orElseThrow().contains("not valid JSON"));
        assertTrue(judge("{\"a\":tru}").isPresent());
    }

    @Test
    void gzipIsJudgedDecodedAndOtherCodingsAreNotJudged() throws Exception {
        assertEquals(Optional.empty(), judge(gzip("{\"model\":\"gpt-4o\"}"), "gzip", 5));
        assertTrue(judge(gzip("{\"model\":"), "gzip", 5).isPresent());
        assertTrue(judge("not gzip at all".getBytes(StandardCharsets.UTF_8), "gzip", 4).isPresent());
        assertTrue(JsonStreamCheck.forEncoding("br", LIMIT).isEmpty());
        assertTrue(JsonStreamCheck.forEncoding("gzip, br", LIMIT).isEmpty());
    }

    @Test
    void pastTheParsersBoundsThereIsNoVerdict() {
        // a 2M-character string or 5,000 open arrays would be held by the parser: it gives up instead
        assertEquals(Optional.empty(), judge(("{\"a\":\"" + "x".repeat(2 << 20)).getBytes(StandardCharsets.UTF_8), null, 8192));
        assertEquals(Optional.empty(), judge("{\"a\":" + "[".repeat(5_000)));
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
