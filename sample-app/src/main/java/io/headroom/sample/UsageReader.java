package io.headroom.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.host.retrieve.SseEvent;
import io.headroom.host.retrieve.SseEventSplitter;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Locale;

/**
 * Watches an upstream answer as it is relayed, without holding it up, for the usage the provider reports:
 * a JSON answer is kept (up to {@value #MAX_JSON_BYTES} bytes) and read at its end; an event stream is split
 * into events and only those mentioning {@code "usage"} are parsed (the final usage chunk, message_start /
 * message_delta, response.completed). Anything unreadable simply reports nothing.
 */
final class UsageReader {
    /** Non-streaming answers larger than this are not kept; their usage is then estimated. */
    static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final SseEventSplitter events;
    private final ReportedUsage usage = new ReportedUsage();
    private Buffer json;

    private UsageReader(ObjectMapper mapper, boolean eventStream) {
        this.mapper = mapper;
        this.events = eventStream ? new SseEventSplitter() : null;
        this.json = eventStream ? null : Buffer.buffer();
    }

    /** A reader for an answer of this {@code Content-Type}; null-safe. */
    static UsageReader of(ObjectMapper mapper, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return new UsageReader(mapper, type.startsWith("text/event-stream"));
    }

    void feed(Buffer chunk) {
        if (events != null) {
            for (SseEvent e : events.feed(chunk.getBytes())) {
                read(e);
            }
        } else if (json != null) {
            json = json.length() + chunk.length() > MAX_JSON_BYTES ? null : json.appendBuffer(chunk);
        }
    }

    /** The usage reported by the whole answer (call once, at its end). */
    ReportedUsage finish() {
        if (events != null) {
            events.finish().forEach(this::read);
        } else if (json != null && json.length() > 0) {
            parse(json.getBytes());
            json = null;
        }
        return usage;
    }

    private void read(SseEvent e) {
        if (e.data() != null && e.data().contains("\"usage\"")) {
            parse(e.data().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void parse(byte[] bytes) {
        try {
            var node = mapper.readTree(bytes);
            if (node != null && node.isObject()) {
                usage.readFrom(node);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON, or over the parser's limits: no usage from this part
        }
    }
}
