package io.headroom;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The java.util.logging records of one logger while open: where {@code io.headroom.host.HeadroomLog}
 * writes when no SLF4J provider is bound, as in a bare Jetty or Tomcat.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(String loggerName) {
        // held in a field: java.util.logging keeps loggers only weakly
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(handler);
    }

    public static CapturedLog of(Class<?> owner) {
        return new CapturedLog(owner.getName());
    }

    /** The messages logged at {@code level}, in order. */
    public List<String> messages(Level level) {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
