package io.headroom.host.retrieve;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream of server-sent events into complete events as chunks arrive, whatever the chunk
 * boundaries (an event, a line or a UTF-8 character may be split across chunks). Only the bytes of
 * the event still incomplete are kept. Not thread-safe: one per stream.
 */
public final class SseEventSplitter {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** Where the next line starts within {@link #pending}. */
    private int lineStart;
    /** True when the current event has at least one non-empty line. */
    private boolean eventHasLines;

    /** The events completed by {@code chunk}, in order. */
    public List<SseEvent> feed(byte[] chunk) {
        pending.write(chunk, 0, chunk.length);
        byte[] buf = pending.toByteArray();
        List<SseEvent> events = new ArrayList<>();
        int eventStart = 0;
        int i = lineStart;
        while (i < buf.length) {
            byte b = buf[i];
            if (b != '\n' && b != '\r') {
                i++;
                continue;
            }
            int lineEnd = i;
            int next;
            if (b == '\r') {
                if (i + 1 == buf.length) {
                    break; // a CR at the end might be the first half of CRLF: decide with the next chunk
                }
                next = buf[i + 1] == '\n' ? i + 2 : i + 1;
            } else {
                next = i + 1;
            }
            boolean emptyLine = lineEnd == lineStart;
            lineStart = next;
            i = next;
            if (!emptyLine) {
                eventHasLines = true;
            } else if (eventHasLines) {
                events.add(SseEvent.parse(slice(buf, eventStart, next)));
                eventStart = next;
                eventHasLines = false;
            } else {
                // a blank line between events: attach it to the next event so no byte is lost
            }
        }
        pending.reset();
        pending.write(buf, eventStart, buf.length - eventStart);
        lineStart -= eventStart;
        return events;
    }

    /** What is left when the stream ends: an event without its final blank line, if any. */
    public List<SseEvent> finish() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        lineStart = 0;
        eventHasLines = false;
        return rest.length == 0 ? List.of() : List.of(SseEvent.parse(rest));
    }

    private static byte[] slice(byte[] buf, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(buf, from, out, 0, out.length);
        return out;
    }
}
