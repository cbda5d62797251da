package io.headroom.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

/** What the stub upstream servlet reported it received (see {@link RecordingServlet}). */
record Upstream(String method, long contentLength, int contentLengthInt, String contentLengthHeader,
                int contentLengthIntHeader, int contentLengthHeaderNames, int contentLengthHeaders,
                String transferEncoding, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Upstream parse(byte[] report) throws IOException {
        JsonNode r = JSON.readTree(report);
        return new Upstream(r.path("method").asText(), r.path("content_length").asLong(),
                r.path("content_length_int").asInt(),
                r.path("content_length_header").isNull() ? null : r.path("content_length_header").asText(),
                r.path("content_length_int_header").asInt(), r.path("content_length_header_names").asInt(),
                r.path("content_length_headers").asInt(),
                r.path("transfer_encoding").isNull() ? null : r.path("transfer_encoding").asText(),
                Base64.getDecoder().decode(r.path("body_base64").asText()));
    }
}
