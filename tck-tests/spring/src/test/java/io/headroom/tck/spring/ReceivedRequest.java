package io.headroom.tck.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * What the application behind the filter (the Spring controller, or the gateway's upstream) received,
 * as the JSON report it answers with, so the test client sees exactly what arrived downstream.
 */
public record ReceivedRequest(String method, String path, String protocol, String contentLength,
                              String transferEncoding, String contentEncoding, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the request's framing headers through {@code headers} (all values of one header name). */
    public static ReceivedRequest of(String method, String path, String protocol,
                                     Function<String, List<String>> headers, byte[] body) {
        return new ReceivedRequest(method, path, protocol, joined(headers.apply("Content-Length")),
                joined(headers.apply("Transfer-Encoding")), joined(headers.apply("Content-Encoding")), body);
    }

    public byte[] toJson() {
        ObjectNode report = JSON.createObjectNode();
        report.put("method", method);
        report.put("path", path);
        report.put("protocol", protocol);
        report.put("content_length", contentLength);
        report.put("transfer_encoding", transferEncoding);
        report.put("content_encoding", contentEncoding);
        report.put("body_base64", Base64.getEncoder().encodeToString(body));
        try {
            return JSON.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReceivedRequest fromJson(byte[] json) {
        try {
            JsonNode r = JSON.readTree(json);
            return new ReceivedRequest(r.path("method").asText(), r.path("path").asText(), r.path("protocol").asText(),
                    text(r, "content_length"), text(r, "transfer_encoding"), text(r, "content_encoding"),
                    Base64.getDecoder().decode(r.path("body_base64").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static String text(JsonNode report, String field) {
        JsonNode value = report.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
