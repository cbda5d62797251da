package io.headroom.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.BodyReadConfig;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.host.PassReason;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a client cannot make the handler hold, over raw HTTP/1.1 sockets to a real server: headers that claim a
 * large body reserve no more than {@code max-buffered-body-bytes} together, a silent sender is answered 408 and
 * disconnected, and a legitimate request is served while all that goes on.
 */
class BodyReadBoundsTest {
    private static final long CLAIMED = 50_000_000;
    private static final long BUDGET = 120_000_000;
    private static final long READ_LIMIT = 64L * 1024 * 1024;
    private static final long SILENCE_MS = 300;

    private Vertx vertx;
    private Headroom headroom;
    private HeadroomHandler handler;
    private int port;
    private final List<Socket> sockets = new ArrayList<>();

    private void start(long silenceMs) throws Exception {
        vertx = Vertx.vertx();
        // like the gateway: every body the server accepts is read and compressed
        headroom = Headroom.create(HeadroomConfig.builder().limits(l -> l.maxBodyBytes(READ_LIMIT)).build());
        handler = HeadroomHandler.builder(headroom).readLimit(READ_LIMIT)
                .bodyRead(BodyReadConfig.builder().bodyReadTimeoutMs(silenceMs).maxBufferedBodyBytes(BUDGET).build())
                .build();
        Router router = Router.router(vertx);
        router.route().handler(handler.bodyReader()).handler(handler);
        router.post().handler(rc -> {
            rc.response().putHeader("x-held", Long.toString(handler.bufferedBytes()));
            if (HeadroomHandler.body(rc) != null) {
                rc.response().end(HeadroomHandler.body(rc));
            } else { // passed on unread: the application reads it itself
                rc.request().body().onSuccess(b -> rc.response().end(b));
            }
        });
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()).requestHandler(router)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (headroom != null) {
            headroom.close();
        }
    }

    @Test
    void headerOnlyConnectionsReserveAtMostTheBudgetAndALegitimateRequestIsServed() throws Exception {
        start(60_000); // nobody is timed out during this test
        for (int i = 0; i < 10; i++) {
            sendHeaders(open(), CLAIMED);
        }
        awaitTrue(() -> handler.admission().passedThrough().get(PassReason.BUSY) == 8,
                "the claims that did not fit went on unread");
        assertEquals(2 * CLAIMED, handler.bufferedBytes(), "two 50 MB claims fit in the budget, no more");

        byte[] legit = LlmRequests.openAiChat();
        HttpResponse<byte[]> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(legit)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertEquals("true", answer.headers().firstValue("x-headroom-compressed").orElse(null));
        assertTrue(answer.body().length < legit.length);
    }

    @Test
    void silentSenderIsAnswered408InJsonAndDisconnected() throws Exception {
        start(SILENCE_MS);
        Socket silent = open();
        sendHeaders(silent, 1000);
        silent.getOutputStream().write("{\"model\":".getBytes(StandardCharsets.US_ASCII));
        silent.getOutputStream().flush();

        Answer answer = Answer.read(silent.getInputStream());
        assertEquals(408, answer.status);
        assertEquals("application/json", answer.header("content-type"));
        assertTrue(answer.body.contains("\"type\":\"request_timeout\""), answer.body);
        assertEquals(-1, silent.getInputStream().read(), "the connection is closed");
        awaitTrue(() -> handler.bufferedBytes() == 0, "the timed-out body's reservation is given back");
    }

    /** A slowloris: a byte every 20 ms keeps the stream moving but never delivers a period's worth of body. */
    @Test
    void tricklingSenderIsAnswered408LikeASilentOne() throws Exception {
        start(SILENCE_MS);
        Socket slow = open();
        sendHeaders(slow, 100_000);
        Thread trickle = new Thread(() -> {
            try {
                OutputStream out = slow.getOutputStream();
                for (int i = 0; i < 100_000; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException closed) {
                // the host closed the connection: what the test waits for
            }
        });
        trickle.setDaemon(true);
        trickle.start();

        Answer answer = Answer.read(slow.getInputStream());
        assertEquals(408, answer.status);
        assertTrue(answer.body.contains("\"type\":\"request_timeout\""), answer.body);
        trickle.interrupt();
        awaitTrue(() -> handler.bufferedBytes() == 0, "the timed-out body's reservation is given back");
    }

    @Test
    void aBodyOfUnknownLengthKeepsOnlyItsSizeReservedOnceRead() throws Exception {
        start(60_000);
        byte[] body = LlmRequests.openAiChat();
        HttpResponse<byte[]> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertEquals(Long.toString(body.length), answer.headers().firstValue("x-held").orElse(null),
                "chunked: the read limit was reserved while reading, the body's size after");
        awaitTrue(() -> handler.bufferedBytes() == 0, "given back once the response ended");
    }

    @Test
    void aClientThatGoesAwayMidBodyGivesItsReservationBack() throws Exception {
        start(60_000);
        Socket gone = open();
        sendHeaders(gone, 5_000_000);
        gone.getOutputStream().write("{\"model\":".getBytes(StandardCharsets.US_ASCII));
        awaitTrue(() -> handler.bufferedBytes() == 5_000_000, "reserved by the declared length");
        gone.close();
        awaitTrue(() -> handler.bufferedBytes() == 0, "given back when the connection closed");
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(15_000); // a host that never answers fails the read instead of hanging the build
        sockets.add(s);
        return s;
    }

    private static void sendHeaders(Socket s, long contentLength) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** An HTTP/1.1 answer with a Content-Length body, read off a raw socket. */
    private record Answer(int status, List<String> headers, String body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String h : headers) {
                if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return h.substring(prefix.length()).trim();
                }
            }
            return null;
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
