package io.headroom.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The raw text of a request's conversation items (the inside of {@code messages}, or {@code input} for the
 * Responses API), exactly as the bytes were sent: what a follow-up must carry on byte for byte.
 */
final class ItemsText {
    private static final Set<String> ITEM_ARRAYS = Set.of("messages", "input");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ItemsText() {
    }

    static String of(byte[] body) {
        try (JsonParser p = MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (ITEM_ARRAYS.contains(name) && value == JsonToken.START_ARRAY) {
                    int open = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    int close = (int) p.currentTokenLocation().getByteOffset();
                    return new String(Arrays.copyOfRange(body, open + 1, close), StandardCharsets.UTF_8);
                }
                p.skipChildren();
            }
            throw new AssertionError("no messages or input array");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
