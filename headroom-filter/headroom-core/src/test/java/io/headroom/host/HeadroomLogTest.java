package io.headroom.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class HeadroomLogTest {

    @Test
    void fillsPlaceholdersInOrder() {
        assertEquals("POST /v1/messages failed (x)", HeadroomLog.format("POST {} failed ({})", "/v1/messages", "x"));
        assertEquals("a {} b", HeadroomLog.format("a {} b"));
        assertEquals("1 and {}", HeadroomLog.format("{} and {}", 1));
        assertEquals("1", HeadroomLog.format("{}", 1, 2));
    }

    @Test
    void withoutAnSlf4jProviderTheWarningReachesTheSystemLogger() {
        // this module has slf4j-api and no provider, exactly like a bare Jetty or Tomcat
        assertFalse(HeadroomLog.usesSlf4j());
        Logger jul = Logger.getLogger(HeadroomLogTest.class.getName());
        List<LogRecord> seen = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            HeadroomLog.of(HeadroomLogTest.class).warn("forwarded {} unchanged ({})", "POST /v1/messages", "IllegalStateException");
        } finally {
            jul.removeHandler(handler);
        }
        assertEquals(1, seen.size());
        assertEquals(java.util.logging.Level.WARNING, seen.get(0).getLevel());
        assertEquals("forwarded POST /v1/messages unchanged (IllegalStateException)", seen.get(0).getMessage());
    }
}
