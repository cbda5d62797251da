package io.headroom.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.ErrorType;
import io.headroom.HeadroomException;
import io.headroom.host.JsonCodec;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/** Parses request bodies of Headroom's own endpoints; anything but a JSON object is a validation_error. */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode object(ObjectMapper mapper, Buffer body) {
        return object(bytes -> mapper.readTree(bytes), body);
    }

    /** As {@link #object(ObjectMapper, Buffer)}, within the core codec's limits (those of the proxied path). */
    static JsonNode object(JsonCodec codec, Buffer body) {
        return object(codec::parse, body);
    }

    private interface Parser {
        JsonNode parse(byte[] body) throws IOException;
    }

    private static JsonNode object(Parser parser, Buffer body) {
        if (body == null || body.length() == 0) {
            throw new HeadroomException(ErrorType.VALIDATION_ERROR, "request body is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = parser.parse(body.getBytes());
        } catch (JsonProcessingException e) {
            // the original message only names the offending token, never echoes the body
            throw new HeadroomException(ErrorType.VALIDATION_ERROR, "request body is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HeadroomException(ErrorType.VALIDATION_ERROR, "request body could not be read", e);
        }
        if (node == null || !node.isObject()) {
            throw new HeadroomException(ErrorType.VALIDATION_ERROR, "request body must be a JSON object");
        }
        return node;
    }
}
