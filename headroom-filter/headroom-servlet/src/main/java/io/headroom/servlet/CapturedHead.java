package io.headroom.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status and headers a downstream set on one answer, held until the filter knows where that answer goes
 * (to the client as it came, to the client after the retrieve loop, or nowhere).
 */
final class CapturedHead {
    private static final String CONTENT_TYPE = "content-type";
    private static final String CONTENT_LENGTH = "content-length";
    private static final String TRANSFER_ENCODING = "transfer-encoding";

    private int status = HttpServletResponse.SC_OK;
    /** Lower-case name to (name as set, values), in the order first set. */
    private final Map<String, Map.Entry<String, List<String>>> headers = new LinkedHashMap<>();

    int status() {
        return status;
    }

    void status(int status) {
        this.status = status;
    }

    String contentType() {
        return get(CONTENT_TYPE);
    }

    void set(String name, String value) {
        if (name == null) {
            return;
        }
        if (value == null) {
            headers.remove(key(name));
            return;
        }
        List<String> values = new ArrayList<>(1);
        values.add(value);
        headers.put(key(name), Map.entry(name, values));
    }

    void add(String name, String value) {
        if (name == null || value == null) {
            return;
        }
        headers.computeIfAbsent(key(name), k -> Map.entry(name, new ArrayList<>(1))).getValue().add(value);
    }

    String get(String name) {
        Map.Entry<String, List<String>> entry = headers.get(key(name));
        return entry == null || entry.getValue().isEmpty() ? null : entry.getValue().get(0);
    }

    Collection<String> getAll(String name) {
        Map.Entry<String, List<String>> entry = headers.get(key(name));
        return entry == null ? List.of() : List.copyOf(entry.getValue());
    }

    Collection<String> names() {
        return headers.values().stream().map(Map.Entry::getKey).toList();
    }

    boolean contains(String name) {
        return headers.containsKey(key(name));
    }

    void clear() {
        status = HttpServletResponse.SC_OK;
        headers.clear();
    }

    /**
     * Writes this head to the client's response. The body's framing is the filter's to decide: Content-Length only
     * when {@code keepLength} (an answer relayed byte for byte), never Transfer-Encoding.
     */
    void writeTo(HttpServletResponse client, boolean keepLength) {
        client.setStatus(status);
        for (Map.Entry<String, List<String>> header : headers.values()) {
            String lower = key(header.getKey());
            if (lower.equals(TRANSFER_ENCODING) || lower.equals(CONTENT_LENGTH) && !keepLength) {
                continue;
            }
            if (lower.equals(CONTENT_TYPE)) {
                client.setContentType(header.getValue().get(0));
                continue;
            }
            boolean first = true;
            for (String value : header.getValue()) {
                if (first) {
                    client.setHeader(header.getKey(), value);
                    first = false;
                } else {
                    client.addHeader(header.getKey(), value);
                }
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
