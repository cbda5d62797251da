package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.ErrorType;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    @Test
    void theOpenAiErrorShapeWithTypeAndCode() throws Exception {
        JsonNode error = new ObjectMapper().readTree(ErrorBodies.of(ErrorType.REQUEST_TIMEOUT, "too slow")).path("error");
        assertEquals("too slow", error.path("message").asText());
        assertEquals("request_timeout", error.path("type").asText());
        assertEquals("request_timeout", error.path("code").asText());
        assertEquals(408, HttpStatuses.of(ErrorType.REQUEST_TIMEOUT));
    }

    @Test
    void theMessageIsEscaped() throws Exception {
        String message = "a \"quoted\" \\ path\nnext";
        JsonNode error = new ObjectMapper().readTree(ErrorBodies.of(ErrorType.PAYLOAD_TOO_LARGE, message)).path("error");
        assertEquals(message, error.path("message").asText());
    }
}
