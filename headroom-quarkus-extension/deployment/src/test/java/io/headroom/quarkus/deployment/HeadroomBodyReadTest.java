package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quarkus.headroom.body-read-timeout} and {@code max-buffered-body-size} in a Quarkus application: a
 * silent sender is answered 408 with a JSON error body (HTTP/1.1 on a Vert.x route, where its connection is also
 * closed, and HTTP/2 on a Quarkus REST endpoint, read inside Quarkus REST), and a body that does not fit in the
 * budget goes on unread and uncompressed.
 */
class HeadroomBodyReadTest {
    private static final String ROUTE = "/vertx/v1/chat/completions";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, EchoRoutes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.body-read-timeout", "300ms")
            .overrideConfigKey("quarkus.headroom.max-buffered-body-size", "1M");

    @TestHTTPResource("/")
    URI base;

    @Test
    void silentSenderOverHttp1IsAnswered408InJsonAndDisconnected() throws Exception {
        try (Socket s = open()) {
            sendHeaders(s, 1000);
            s.getOutputStream().write("{\"model\":".getBytes(StandardCharsets.US_ASCII));
            Answer answer = Answer.read(s.getInputStream());
            assertEquals(408, answer.status);
            assertEquals("application/json", answer.header("content-type"));
            assertTrue(answer.body.contains("\"type\":\"request_timeout\""), answer.body);
            assertEquals(-1, s.getInputStream().read(), "the connection is closed");
        }
    }

    @Test
    void silentSenderOverHttp2ToQuarkusRestIsAnswered408InJson() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient h2c = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            HttpClientResponse r = h2c.request(HttpMethod.POST, base.getPort(), base.getHost(), "/v1/chat/completions")
                    .compose(req -> {
                        // a declared length that fits in the 1 MB budget (an unknown one would reserve the read limit)
                        req.putHeader("Content-Type", "application/json").putHeader("Content-Length", "1000");
                        req.write("{\"model\":"); // and never more
                        return req.response();
                    }).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            String body = r.body().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS).toString();
            assertEquals(HttpVersion.HTTP_2, r.version());
            assertEquals(408, r.statusCode());
            assertEquals("application/json", r.getHeader("Content-Type"));
            // The server answers before the request ended and then resets the stream (RFC 9113 8.1: RST_STREAM
            // NO_ERROR, "stop sending"); when that reset overtakes the DATA frame, Vert.x's client hands out an empty
            // body although the server wrote it (seen under a coverage agent's slowdown). The body is checked when
            // the client kept it; status and content type always.
            assertTrue(body.isEmpty() || body.contains("\"type\":\"request_timeout\""), body);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBodyThatDoesNotFitInTheBudgetGoesOnUnread() throws Exception {
        try (Socket holder = open(); Socket second = open()) {
            sendHeaders(holder, 900_000);             // takes 900 KB of the 1 MB budget, sends nothing
            Thread.sleep(100);                        // (ordering only: whichever comes second is refused)
            sendHeaders(second, 900_000);
            Answer answer = Answer.read(second.getInputStream());
            Answer first = Answer.read(holder.getInputStream());
            List<Answer> both = List.of(answer, first);
            // one was read (and then timed out: 408), the other went on unread to the route at once
            assertTrue(both.stream().anyMatch(a -> a.status == 408), "one timed out: " + both);
            assertTrue(both.stream().anyMatch(a -> a.status == 200 && "false".equals(a.header("x-headroom-compressed"))),
                    "one went on unread, uncompressed: " + both);
        }
    }

    private Socket open() throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(15_000);
        return s;
    }

    private static void sendHeaders(Socket s, long contentLength) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(("POST " + ROUTE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** An HTTP/1.1 answer with a Content-Length body, read off a raw socket. */
    private record Answer(int status, List<String> headers, String body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        static Answer read(InputStream in) throws IOException {
            String status = line(in);
            List<String> headers = new ArrayList<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                headers.add(h);
            }
            Answer head = new Answer(Integer.parseInt(status.split(" ")[1]), headers, "");
            String length = head.header("content-length");
            byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
            return new Answer(head.status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    out.write(b);
                }
            }
            return out.toString(StandardCharsets.US_ASCII);
        }
    }
}
