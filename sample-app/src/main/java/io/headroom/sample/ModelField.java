package io.headroom.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Reads the top-level {@code "model"} of an LLM request body with a streaming parser, skipping
 * (not building) the message arrays; null when absent or the body is not a JSON object.
 */
final class ModelField {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ModelField() {
    }

    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return of(FACTORY.createParser(body));
        } catch (IOException e) {
            return null;
        }
    }

    /** As {@link #of(byte[])}, reading the buffer in place: a large body is not copied to find one field. */
    static String of(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return of(FACTORY.createParser((java.io.InputStream) new ByteBufInputStream(body.getByteBuf())));
        } catch (IOException e) {
            return null;
        }
    }

    private static String of(JsonParser parser) {
        try (JsonParser p = parser) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("model".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
