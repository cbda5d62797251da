package io.headroom.jaxrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A non-streamed answer larger than max-body-bytes is not read whole for the retrieve loop: past the bound the
 * filter hands the client the answer as it came (what it read, then the rest as the resource produces it), and the
 * {@code headroom_retrieve} call in it is not answered.
 */
class OversizedAnswerJaxRsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] REQUEST = LlmRequests.openAiChat();
    /** Above the request, far below the answer. */
    private static final long MAX_BODY_BYTES = REQUEST.length + 8 * 1024;
    /** What the resource's answer yields before it pauses: more than the bound. */
    private static final int BEFORE_PAUSE = (int) MAX_BODY_BYTES + 64 * 1024;
    private static final int ANSWER_BYTES = BEFORE_PAUSE * 3;
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile byte[] answered;
    static volatile CountDownLatch clientReadTheStart;
    static volatile Boolean restAfterClientRead;

    /** Plays the provider: a chat completion calling headroom_retrieve for the request's hash, padded. */
    @Path("/v1/chat/completions")
    public static class OversizedModel {
        @POST
        public Response answer(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            RECEIVED.add(text);
            Matcher m = HASH.matcher(text);
            byte[] answer = oversized(m.find() ? m.group(1) : "000000000000000000000000");
            answered = answer;
            return Response.ok(new PausingStream(answer), "application/json").build();
        }
    }

    /** Yields {@link #BEFORE_PAUSE} bytes, then waits until the client read the start of the answer, then the rest. */
    static final class PausingStream extends InputStream {
        private final ByteArrayInputStream in;
        private int read;

        PausingStream(byte[] answer) {
            in = new ByteArrayInputStream(answer);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read == BEFORE_PAUSE && restAfterClientRead == null) {
                try {
                    restAfterClientRead = clientReadTheStart.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
            int limit = read < BEFORE_PAUSE ? Math.min(len, BEFORE_PAUSE - read) : len;
            int n = in.read(b, off, limit);
            read += Math.max(n, 0);
            return n;
        }
    }

    private Headroom headroom;
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() {
        RECEIVED.clear();
        answered = null;
        restAfterClientRead = null;
        clientReadTheStart = new CountDownLatch(1);
        headroom = Headroom.create(HeadroomConfig.defaults().toBuilder()
                .limits(l -> l.maxBodyBytes(MAX_BODY_BYTES)).build());
        ResourceConfig app = new ResourceConfig(OversizedModel.class).register(new HeadroomFeature(headroom));
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
    }

    @AfterEach
    void stop() {
        clientReadTheStart.countDown();
        server.shutdownNow();
        headroom.close();
    }

    @Test
    void anAnswerLargerThanTheBoundIsRelayedAsItCameWhileTheResourceStillProducesIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST)).build();

        HttpResponse<InputStream> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
            body.writeBytes(in.readNBytes(1024)); // the start, while the resource holds the rest
            clientReadTheStart.countDown();
            body.writeBytes(in.readAllBytes());
        }

        assertEquals(200, r.statusCode());
        assertTrue(RECEIVED.get(0).contains("\"headroom_retrieve\""),
                "the request offered the tool, so the loop watched the answer");
        assertEquals(Boolean.TRUE, restAfterClientRead, "the client read the start of the answer before the "
                + "resource produced its rest: nothing past the bound was held");
        assertArrayEquals(answered, body.toByteArray(), "relayed byte for byte");
        assertEquals(1, RECEIVED.size(), "the call in the oversized answer was not answered");
        assertEquals(0, headroom.stats().retrieveRounds());
    }

    private static byte[] oversized(String hash) {
        String head = "{\"id\":\"chatcmpl-big\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_hr\",\"type\":"
                + "\"function\",\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"{\\\"hash\\\":\\\""
                + hash + "\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],\"padding\":\"";
        String tail = "\"}";
        byte[] answer = new byte[ANSWER_BYTES];
        Arrays.fill(answer, (byte) 'x');
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, answer, 0, h.length);
        System.arraycopy(t, 0, answer, answer.length - t.length, t.length);
        return answer;
    }
}
