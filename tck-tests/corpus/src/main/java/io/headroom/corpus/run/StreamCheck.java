package io.headroom.corpus.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Streaming is not buffered: the client must read the first SSE event while the upstream is still holding the rest
 * of its answer back (it waits for this check to report the first event), and the stream must end with
 * {@code [DONE]}.
 */
final class StreamCheck {
    private final GatewayClient gateway;
    private final StubUpstream upstream;

    StreamCheck(GatewayClient gateway, StubUpstream upstream) {
        this.gateway = gateway;
        this.upstream = upstream;
    }

    CaseResult check(CorpusCase c) {
        CaseResult result = new CaseResult("stream (" + c.name() + ")");
        ObjectNode request = c.request().deepCopy();
        request.put("stream", true);
        StubUpstream.StreamHold hold = upstream.holdNextStream();
        try {
            HttpResponse<InputStream> response = gateway.postStreaming(CorpusCase.CHAT, request);
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String first = body.readLine();
                hold.firstEventSeen.countDown();
                StringBuilder rest = new StringBuilder();
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    rest.append(line).append('\n');
                }
                if (first == null || !first.startsWith("data:")) {
                    result.fail("stream: first line " + (first == null ? "missing" : "'" + first.substring(0, Math.min(60, first.length())) + "'"));
                } else if (hold.finishedWithoutClient) {
                    result.fail("stream: the first event reached the client only when the upstream had finished (buffered)");
                } else if (!rest.toString().contains("[DONE]")) {
                    result.fail("stream: [DONE] missing");
                }
            }
        } catch (IOException e) {
            hold.firstEventSeen.countDown();
            result.fail("stream: " + e);
        }
        return result;
    }
}
