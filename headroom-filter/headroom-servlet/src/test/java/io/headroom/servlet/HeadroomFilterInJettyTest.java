package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CapturedLog;
import io.headroom.FailingHeadroom;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.Admission;
import io.headroom.host.HeadroomHeaders;
import io.headroom.host.HeadroomLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The filter in a bare embedded Jetty 12 over real HTTP/1.1, in front of a servlet that echoes the body it
 * read and the Content-Encoding / Content-Length it saw. Like a standalone Jetty, the classpath has slf4j-api
 * and no provider: the fail-open WARN and the start-up line must still reach java.util.logging.
 * (The container matrix, h2c, SSE and the limits run in tck-tests.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadroomFilterInJettyTest {
    private static final String CHAT = "/api/v1/chat/completions";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Echoes the body as read through getInputStream, plus the request headers that describe it. */
    public static class EchoServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = request.getInputStream().readAllBytes();
            response.setHeader("echo-encoding", request.getHeader("Content-Encoding"));
            response.setHeader("echo-length", request.getHeader("Content-Length"));
            response.setContentType("application/octet-stream");
            response.getOutputStream().write(body);
        }
    }

    private final Server server = new Server();
    private Headroom failing;
    private URI base;
    private List<String> startupLines;

    @BeforeAll
    void start() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        FilterHolder fromInitParams = new FilterHolder(HeadroomFilter.class);
        fromInitParams.setName("headroom");
        fromInitParams.setInitParameters(Map.of("mode", "optimize"));
        context.addFilter(fromInitParams, "/api/*", EnumSet.of(DispatcherType.REQUEST));
        failing = new FailingHeadroom(Headroom.create(HeadroomConfig.defaults()));
        context.addFilter(new FilterHolder(new HeadroomFilter(failing)), "/failing/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("echo", EchoServlet.class), "/*");
        server.setHandler(context);
        try (CapturedLog log = CapturedLog.of(HeadroomFilter.class)) {
            server.start();
            startupLines = log.messages(Level.INFO);
        }
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        failing.close();
    }

    @Test
    void eachFilterSaysAtStartUpWhatItDoesAndDoesNot() {
        assertFalse(HeadroomLog.usesSlf4j(), "this module must run without an SLF4J provider, like a bare Jetty");
        assertEquals(2, startupLines.size(), startupLines.toString());
        for (String line : startupLines) {
            assertTrue(line.contains("/v1/chat/completions") && line.contains("gzip"), line);
            assertTrue(line.contains("headroom_retrieve"), line);
        }
    }

    @Test
    void compressedRequestCarriesAllFourHeaders() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post(CHAT, original, "Content-Type", "application/json");

        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        int[] tokens = tokenHeaders(r);
        assertTrue(tokens[1] > 0 && tokens[1] < tokens[0], "before " + tokens[0] + ", after " + tokens[1]);
        assertTrue(r.body().length < original.length);
        assertEquals(String.valueOf(r.body().length), header(r, "echo-length"));
    }

    @Test
    void auditModeHeadersClaimNoSavings() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post(CHAT, original, "x-headroom-mode", "audit");

        assertUntouched(r, original);
        assertTrue(tokenHeaders(r)[0] > 0, "audit measured the request");
    }

    @Test
    void gzipBodyIsRewrittenAndForwardedDecoded() throws Exception {
        byte[] json = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post(CHAT, gzip(json), "Content-Encoding", "gzip");

        assertEquals(200, r.statusCode());
        assertEquals("true", header(r, HeadroomHeaders.COMPRESSED));
        assertNull(header(r, "echo-encoding"), "a decoded body must not claim its old Content-Encoding");
        assertEquals(String.valueOf(r.body().length), header(r, "echo-length"));
        assertTrue(r.body().length < json.length);
        assertTrue(LlmRequests.lastContent(LlmRequests.parse(r.body())).contains(LlmRequests.ERROR_NEEDLE));
    }

    @Test
    void brotliBodyPassesByteIdentical() throws Exception {
        byte[] sent = LlmRequests.openAiChat(); // labelled br: the filter cannot decode it, so it must not parse it

        HttpResponse<byte[]> r = post(CHAT, sent, "Content-Encoding", "br");

        assertUntouched(r, sent);
        assertEquals("br", header(r, "echo-encoding"));
        assertEquals("0", header(r, HeadroomHeaders.TOKENS_BEFORE), "passed through without being analysed");
    }

    @Test
    void textPlainBodyPassesByteIdentical() throws Exception {
        byte[] sent = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post(CHAT, sent, "Content-Type", "text/plain");

        assertUntouched(r, sent);
    }

    @Test
    void otherPathsGetNoHeaders() throws Exception {
        byte[] sent = LlmRequests.openAiChat();

        HttpResponse<byte[]> r = post("/api/v1/embeddings", sent);

        assertArrayEquals(sent, r.body());
        assertTrue(r.headers().firstValue(HeadroomHeaders.COMPRESSED).isEmpty());
    }

    @Test
    void failingHeadroomForwardsTheOriginalAndWarnsThroughJavaUtilLogging() throws Exception {
        byte[] original = LlmRequests.openAiChat();

        HttpResponse<byte[]> r;
        List<String> warnings;
        try (CapturedLog log = CapturedLog.of(Admission.class)) {
            r = post("/failing/v1/chat/completions", original, "Authorization", "Bearer sk-SECRET-SERVLET");
            warnings = log.messages(Level.WARNING);
        }

        assertUntouched(r, original);
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("/v1/chat/completions") && warning.contains("java.lang.IllegalStateException"), warning);
        assertFalse(warning.contains(LlmRequests.ERROR_NEEDLE) || warning.contains("SECRET")
                || warning.contains("cannot process"), "no content, credential or exception message: " + warning);
    }

    private HttpResponse<byte[]> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** All four x-headroom-* headers are there and agree; returns tokens before and after. */
    private static int[] tokenHeaders(HttpResponse<?> r) {
        int before = Integer.parseInt(header(r, HeadroomHeaders.TOKENS_BEFORE));
        int after = Integer.parseInt(header(r, HeadroomHeaders.TOKENS_AFTER));
        assertEquals(Integer.toString(before - after), header(r, HeadroomHeaders.TOKENS_SAVED));
        assertTrue(header(r, HeadroomHeaders.COMPRESSED).matches("true|false"));
        return new int[] {before, after};
    }

    private static void assertUntouched(HttpResponse<byte[]> r, byte[] sent) {
        assertEquals(200, r.statusCode());
        assertArrayEquals(sent, r.body());
        assertEquals("false", header(r, HeadroomHeaders.COMPRESSED));
        assertEquals("0", header(r, HeadroomHeaders.TOKENS_SAVED));
        int[] tokens = tokenHeaders(r);
        assertEquals(tokens[0], tokens[1]);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
