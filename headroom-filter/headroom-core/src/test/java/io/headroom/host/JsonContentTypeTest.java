package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonContentTypeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | true",
            "'' | true",
            "application/json | true",
            "Application/JSON; charset=UTF-8 | true",
            "application/json;charset=\"utf8\" | true",
            "application/vnd.api+json | true",
            "application/json; charset=utf-16 | false",
            "application/json; charset=ISO-8859-1 | false",
            "text/plain | false",
            "text/plain; charset=utf-8 | false",
            "application/x-www-form-urlencoded | false",
            "multipart/form-data; boundary=x | false",
            "text/json+json | false",
    })
    void acceptsOnlyUtf8Json(String contentType, boolean rewritable) {
        assertEquals(rewritable, JsonContentType.rewritable(contentType));
    }
}
