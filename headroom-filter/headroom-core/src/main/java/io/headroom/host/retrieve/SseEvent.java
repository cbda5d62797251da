package io.headroom.host.retrieve;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event: its exact bytes (including the blank line that ends it) for relaying, and
 * its parsed {@code event} name and {@code data} for inspection.
 *
 * @param raw   the bytes as received
 * @param event the {@code event:} field, or null
 * @param data  the {@code data:} lines joined by newlines, or null when there was none
 */
public record SseEvent(byte[] raw, String event, String data) {

    /** Parses the fields of one complete event (WHATWG event-stream rules, comments ignored). */
    public static SseEvent parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        String event = null;
        StringBuilder data = null;
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.isEmpty() || line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return new SseEvent(raw, event, data == null ? null : data.toString());
    }

    /** A new event with the given fields, serialised in the usual {@code event:}/{@code data:} form. */
    public static SseEvent of(String event, String data) {
        StringBuilder sb = new StringBuilder();
        if (event != null) {
            sb.append("event: ").append(event).append('\n');
        }
        for (String line : data.split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        sb.append('\n');
        return new SseEvent(sb.toString().getBytes(StandardCharsets.UTF_8), event, data);
    }
}
