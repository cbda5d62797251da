package io.headroom.tck.spring.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.conformance.LlmRequests;
import io.headroom.tck.spring.RunningApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4 in Spring Boot: the filter's meters on the application's own {@code /actuator/prometheus}. */
class MetersOnActuatorTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aCompressedRequestShowsOnActuatorPrometheus() throws Exception {
        try (RunningApp app = RunningApp.start(MeteredApplication.class,
                "management.endpoints.web.exposure.include=prometheus")) {
            HttpResponse<String> chat = client.send(HttpRequest.newBuilder(app.baseUri().resolve("/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(LlmRequests.openAiChat())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, chat.statusCode());
            assertEquals("true", chat.headers().firstValue("x-headroom-compressed").orElse(null));

            String scrape = client.send(HttpRequest.newBuilder(app.baseUri().resolve("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(1.0, value(scrape, "headroom_requests_compressed_total"), scrape);
            assertTrue(value(scrape, "headroom_tokens_saved_total") > 0, scrape);
            assertTrue(value(scrape, "headroom_ccr_stored_total") > 0, scrape);
        }
    }

    /** The value of the first sample of {@code name} (any labels). */
    private static double value(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(scrape);
        assertTrue(m.find(), name + " not on /actuator/prometheus");
        return Double.parseDouble(m.group(2));
    }
}
