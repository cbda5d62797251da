package io.headroom.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelFieldTest {

    @Test
    void findsTheTopLevelModelAfterTheMessagesInBytesAndBuffers() {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"model\",\"model\":\"inner\"}],\"model\":\"gpt-4o\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals("gpt-4o", ModelField.of(bytes));
        assertEquals("gpt-4o", ModelField.of(Buffer.buffer(bytes)));
        // a buffer read in chunks (a composite of its appends) reads the same
        Buffer chunked = Buffer.buffer();
        for (int i = 0; i < bytes.length; i += 7) {
            chunked.appendBytes(bytes, i, Math.min(7, bytes.length - i));
        }
        assertEquals("gpt-4o", ModelField.of(chunked));
    }

    @Test
    void absentNotAStringOrNotJsonIsNull() {
        assertNull(ModelField.of(Buffer.buffer("{\"messages\":[]}")));
        assertNull(ModelField.of(Buffer.buffer("{\"model\":42}")));
        assertNull(ModelField.of(Buffer.buffer("not json")));
        assertNull(ModelField.of(Buffer.buffer()));
        assertNull(ModelField.of((Buffer) null));
    }
}
