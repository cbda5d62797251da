package io.headroom.tck.spring.boot;

import static io.headroom.tck.spring.Downstream.assertCompressed;
import static io.headroom.tck.spring.Downstream.assertStreamedAsSent;
import static io.headroom.tck.spring.Downstream.assertUntouched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.headroom.LlmRequests;
import io.headroom.tck.spring.ReceivedRequest;
import io.headroom.tck.spring.RunningApp;
import io.headroom.tck.spring.TestClient;
import jakarta.servlet.ServletContext;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** Headroom in a Spring Boot 3.5 application on embedded Tomcat 10.1, in front of its own controller. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootHostTest {
    private static final String CHAT = "/v1/chat/completions";

    private RunningApp app;
    private TestClient http11;
    private TestClient h2c;

    @BeforeAll
    void start() {
        app = RunningApp.start(LlmBackendApplication.class);
        http11 = new TestClient(app.baseUri(), HttpClient.Version.HTTP_1_1);
        h2c = new TestClient(app.baseUri(), HttpClient.Version.HTTP_2);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void controllerReceivesTheCompressedBody() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        ReceivedRequest received = assertCompressed(http11.post(CHAT, original), original);
        assertEquals(Integer.toString(received.body().length), received.contentLength());
    }

    @Test
    void controllerReceivesTheCompressedBodyOverH2c() throws Exception {
        assertEquals(HttpClient.Version.HTTP_2, h2c.get(CHAT).version(), "the h2c upgrade was refused");
        byte[] original = LlmRequests.openAiChat();
        HttpResponse<byte[]> response = h2c.post(CHAT, original);
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals("HTTP/2.0", assertCompressed(response, original).protocol());
    }

    @Test
    void gzipBodyReachesTheControllerDecodedAndCompressed() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        ReceivedRequest received = assertCompressed(
                http11.post(CHAT, TestClient.gzip(original), "Content-Encoding", "gzip"), original);
        assertNull(received.contentEncoding());
    }

    @Test
    void bypassedRequestReachesTheControllerAsSent() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertUntouched(http11.post(CHAT, original, "x-headroom-bypass", "true"), original);
    }

    @Test
    void eventStreamIsNotBuffered() throws Exception {
        byte[] original = LlmRequests.openAiChat();
        assertStreamedAsSent(http11.postForEvents(CHAT, original), original);
    }

    @Test
    void applicationRunsOnServlet60() {
        ServletContext servlet = ((ServletWebServerApplicationContext) app.context()).getServletContext();
        assertEquals("6.0", servlet.getMajorVersion() + "." + servlet.getMinorVersion());
    }
}
