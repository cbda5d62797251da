package io.headroom.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The request bundled with the README (sample-app/examples/compress-request.json). */
final class ExampleRequests {
    /** The one error item hidden among the 200 log entries; compression must keep it. */
    static final String ERROR_NEEDLE = "PaymentGatewayTimeout";

    private ExampleRequests() {
    }

    static byte[] chatRequestBytes() {
        Path file = Path.of("examples", "compress-request.json");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    static JsonNode chatRequest(ObjectMapper mapper) {
        try {
            return mapper.readTree(chatRequestBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of the request's tool message: the original the CCR store must give back. */
    static String toolOutput(JsonNode request) {
        for (JsonNode m : request.get("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                return m.get("content").asText();
            }
        }
        throw new AssertionError("example request has no tool message");
    }
}
