package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline runs on its own pool of compression-threads workers; concurrent requests queue for it. */
class HeadroomCompressionThreadsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class, ThreadRecordingListener.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.compression-threads", "1");

    @Inject
    ThreadRecordingListener listener;

    @TestHTTPResource("/v1/chat/completions")
    URI chat;

    @Test
    void concurrentRequestsAreAllCompressedByTheOneConfiguredWorker() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // the filter rewrites HTTP/1.1 bodies
        listener.threads.clear();
        int before = listener.compressed.get();
        byte[] body = Fixtures.openAiChatRequest();
        assertTrue(body.length > 64 * 1024, "a large body, for the compression pool: " + body.length);
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
            HttpResponse<byte[]> r = call.join();
            assertEquals(200, r.statusCode());
            assertEquals("true", r.headers().firstValue("x-headroom-compressed").orElse(null));
            assertTrue(r.body().length < body.length, "the handler saw the compressed body");
        }
        assertEquals(before + 12, listener.compressed.get());
        assertEquals(1, listener.threads.size(), "one worker: " + listener.threads);
        String thread = listener.threads.iterator().next();
        assertTrue(thread.startsWith("headroom-compression"), thread);
    }

    @Test
    void smallBodiesDoNotQueueBehindLargeOnes() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        listener.threads.clear();
        byte[] small = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(small)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(1, listener.threads.size(), listener.threads.toString());
        String thread = listener.threads.iterator().next();
        assertTrue(!thread.startsWith("headroom-compression"), "small bodies run on the general worker pool: " + thread);
    }
}
