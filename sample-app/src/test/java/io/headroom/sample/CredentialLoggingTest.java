package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials and request content never reach the logs. Every log record of the whole application (all
 * categories, DEBUG and up) is captured while requests carrying distinctive secrets in Authorization,
 * x-api-key, the query string and the body go through the compress, forward, retrieve, error,
 * timeout and pass-through (fail-open) paths; no record, at any level from DEBUG up, may contain a secret
 * or request content. Only the test's own HTTP client and the stub upstream's JDK server are left at INFO:
 * they are not the gateway.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
@TestProfile(CredentialLoggingTest.DebugLogs.class)
class CredentialLoggingTest {
    static final String AUTH_SECRET = "sk-SECRETAUTH-9c1f0e7d5b3a";
    static final String XKEY_SECRET = "sk-ant-SECRETXKEY-4e2d8a6c";
    static final String BODY_SECRET = "sk-SECRETBODY-7a5e3c1b9d";
    static final String QUERY_SECRET = "SECRETQUERY-3b8f";
    static final String CONTENT = "CONTENTNEEDLE-d41d8c";
    private static final List<String> SECRETS = List.of(AUTH_SECRET, XKEY_SECRET, BODY_SECRET, QUERY_SECRET,
            "SECRETAUTH", "SECRETXKEY", "SECRETBODY", "SECRETQUERY");

    public static class DebugLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.level", "DEBUG",
                    "quarkus.log.category.\"io.netty\".level", "DEBUG",
                    // the test's own java.net.http client (it sends the secrets) and the stub upstream's
                    // JDK HTTP server (it receives them) are not the gateway
                    "quarkus.log.category.\"jdk.internal.httpclient\".level", "INFO",
                    "quarkus.log.category.\"com.sun.net.httpserver\".level", "INFO",
                    "headroom.gateway.idle-timeout", "1s");
        }
    }

    /** Keeps every record as the text a log handler would print: message, parameters, exception chain. */
    static final class Capture extends Handler {
        record Line(Level level, String logger, String text) {
        }

        final List<Line> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord r) {
            String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
            StringBuilder text = new StringBuilder(String.valueOf(message));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    text.append(" | ").append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(" | ").append(trace);
            }
            lines.add(new Line(r.getLevel(), r.getLoggerName(), text.toString()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Capture capture = new Capture();

    @InjectUpstreamStub
    UpstreamStub upstream;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void attach() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void detach() {
        Logger.getLogger("").removeHandler(capture);
    }

    private HttpResponse<String> send(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String[] OPENAI_CALLER = {"Content-Type", "application/json", "Authorization",
            "Bearer " + AUTH_SECRET};
    private static final String[] ANTHROPIC_CALLER = {"Content-Type", "application/json", "x-api-key", XKEY_SECRET,
            "anthropic-version", "2023-06-01"};

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** 80 rows that each name the secret and the content needle: large enough to be compressed. */
    private String rows() {
        ArrayNode rows = mapper.createArrayNode();
        for (int i = 0; i < 80; i++) {
            rows.addObject().put("id", i).put("api_key", BODY_SECRET).put("note", CONTENT + " row " + i)
                    .put("status", i == 41 ? "error" : "ok");
        }
        return rows.toString();
    }

    private byte[] chat(boolean stream) throws Exception {
        ObjectNode r = mapper.createObjectNode().put("model", "gpt-4o");
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", "My key is " + BODY_SECRET + ". " + CONTENT);
        ObjectNode call = messages.addObject().put("role", "assistant");
        call.putNull("content");
        call.putArray("tool_calls").addObject().put("id", "c1").put("type", "function").putObject("function")
                .put("name", "keys").put("arguments", "{\"api_key\":\"" + BODY_SECRET + "\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", "c1").put("content", rows());
        if (stream) {
            r.put("stream", true);
        }
        return mapper.writeValueAsBytes(r);
    }

    private byte[] anthropic() throws Exception {
        ObjectNode r = mapper.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 64);
        ArrayNode messages = r.putArray("messages");
        messages.addObject().put("role", "user").put("content", CONTENT + " " + BODY_SECRET);
        messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "tool_use")
                .put("id", "t1").put("name", "keys").putObject("input").put("api_key", BODY_SECRET);
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", "t1").put("content", rows());
        return mapper.writeValueAsBytes(r);
    }

    @Test
    void secretsAndContentStayOutOfTheLogs() throws Exception {
        // forward, compressed (OpenAI with a key in the query string too; Anthropic with x-api-key)
        HttpResponse<String> r = send("v1/chat/completions?key=" + QUERY_SECRET, chat(false), OPENAI_CALLER);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(""));
        Matcher hash = Pattern.compile("hash=([0-9a-f]{24})").matcher(upstream.last().bodyText());
        assertTrue(hash.find(), "the forwarded body carries a marker");
        assertEquals(200, send("v1/messages", anthropic(), ANTHROPIC_CALLER).statusCode());
        // streamed answer
        assertEquals(200, send("v1/chat/completions", chat(true), OPENAI_CALLER).statusCode());
        // upstream error passed through, upstream timeout
        assertEquals(500, send("v1/chat/completions", chat(false), with(OPENAI_CALLER, "x-stub-status", "500"))
                .statusCode());
        HttpResponse<String> timedOut = send("v1/chat/completions", chat(false),
                with(OPENAI_CALLER, "x-stub-delay-ms", "2500"));
        assertEquals(502, timedOut.statusCode(), timedOut.body());
        // malformed JSON and a corrupt gzip body: the provider's 400 from the gateway (as the original answers
        // both); pass-through (fail-open) path: nesting beyond the parser's limit
        byte[] notJson = ("{\"api_key\": \"" + BODY_SECRET + "\", " + CONTENT + " {{{").getBytes(StandardCharsets.UTF_8);
        assertEquals(400, send("v1/chat/completions", notJson, OPENAI_CALLER).statusCode());
        assertEquals(400, send("v1/chat/completions", notJson,
                with(OPENAI_CALLER, "Content-Encoding", "gzip")).statusCode());
        byte[] deep = ("{\"api_key\":\"" + BODY_SECRET + "\",\"x\":" + "[".repeat(700) + "\"" + CONTENT + "\""
                + "]".repeat(700) + "}").getBytes(StandardCharsets.UTF_8);
        assertEquals(200, send("v1/chat/completions", deep, OPENAI_CALLER).statusCode());
        assertEquals(upstream.last().bodyText(), new String(deep, StandardCharsets.UTF_8));
        // compress, retrieve (found, not found, malformed), tool_call
        ObjectNode compress = mapper.createObjectNode().put("model", "gpt-4o");
        compress.set("messages", mapper.readTree(chat(false)).get("messages"));
        assertEquals(200, send("v1/compress", mapper.writeValueAsBytes(compress), OPENAI_CALLER).statusCode());
        assertEquals(400, send("v1/compress", notJson, OPENAI_CALLER).statusCode());
        assertEquals(200, send("v1/retrieve", ("{\"hash\":\"" + hash.group(1) + "\",\"query\":\"" + BODY_SECRET + "\"}")
                .getBytes(StandardCharsets.UTF_8), OPENAI_CALLER).statusCode());
        assertEquals(404, send("v1/retrieve", "{\"hash\":\"0123456789abcdef01234567\"}".getBytes(StandardCharsets.UTF_8),
                ANTHROPIC_CALLER).statusCode());
        assertEquals(400, send("v1/retrieve", notJson, OPENAI_CALLER).statusCode());
        String call = "{\"tool_call\":{\"id\":\"c\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":"
                + "\"{\\\"hash\\\":\\\"" + hash.group(1) + "\\\"}\"}}}";
        assertEquals(200, send("v1/retrieve/tool_call", call.getBytes(StandardCharsets.UTF_8), OPENAI_CALLER)
                .statusCode());

        List<Capture.Line> lines = List.copyOf(capture.lines);
        // the capture works: the gateway's own INFO line per exchange and its WARN on the timeout are there
        assertTrue(lines.stream().anyMatch(l -> l.level().intValue() >= Level.INFO.intValue()
                && l.text().contains("POST /v1/chat/completions -> openai 200")), this::dump);
        assertTrue(lines.stream().anyMatch(l -> l.level().intValue() >= Level.WARNING.intValue()
                && l.text().contains("timed out")), this::dump);
        assertTrue(lines.stream().anyMatch(l -> l.level().intValue() < Level.INFO.intValue()), "DEBUG is captured");
        for (Capture.Line line : lines) {
            for (String secret : SECRETS) {
                if (line.text().contains(secret)) {
                    fail("a secret was logged at " + line.level() + " by " + line.logger() + ": " + line.text());
                }
            }
            if (line.text().contains(CONTENT)) {
                fail("request content was logged at " + line.level() + " by " + line.logger() + ": " + line.text());
            }
        }
    }

    private String dump() {
        StringBuilder b = new StringBuilder("captured:\n");
        capture.lines.forEach(l -> b.append(l.level()).append(' ').append(l.logger()).append(": ")
                .append(l.text(), 0, Math.min(300, l.text().length())).append('\n'));
        return b.toString();
    }
}
