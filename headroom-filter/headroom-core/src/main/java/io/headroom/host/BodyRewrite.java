package io.headroom.host;

import io.headroom.RequestOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a host forwards after {@link Admission#rewrite}: the body, whether it is still in the client's
 * {@code Content-Encoding}, and the response headers.
 *
 * @param body             the bytes to hand on: the very array the host passed in when nothing changed
 * @param changed          true when {@code body} is not the received array: the host then sets
 *                         {@code Content-Length} to its length and drops {@code Transfer-Encoding}
 * @param decoded          true when the client's gzip/deflate body goes on decoded: the host then drops
 *                         {@code Content-Encoding} as well
 * @param responseHeaders  the {@code x-headroom-*} response headers
 * @param outcome          what the pipeline did, or null when the body never reached it
 */
public record BodyRewrite(byte[] body, boolean changed, boolean decoded, Map<String, String> responseHeaders,
                          RequestOutcome outcome) {

    public BodyRewrite {
        responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders)); // keeps the order
    }

    static BodyRewrite asSent(byte[] received) {
        return new BodyRewrite(received, false, false, HeadroomHeaders.untouched(), null);
    }
}
