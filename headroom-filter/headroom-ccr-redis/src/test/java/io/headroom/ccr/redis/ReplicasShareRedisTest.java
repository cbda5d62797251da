package io.headroom.ccr.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.RequestOutcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Two engines configured by properties only ({@code ccr.backend=redis}: the core finds this backend through
 * ServiceLoader), as two replicas: what one compressed, the other retrieves byte-identical; with Redis down the
 * request is forwarded without any marker.
 */
class ReplicasShareRedisTest {
    @Test
    void anOriginalCompressedOnOneReplicaIsRetrievedOnTheOther() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.started()) {
            HeadroomConfig config = HeadroomConfig.fromProperties(java.util.Map.of(
                    "ccr.backend", "redis", "ccr.redis.url", redis.url(), "ccr.redis.timeout-ms", "500")::get);
            try (Headroom a = Headroom.create(config); Headroom b = Headroom.create(config)) {
                assertTrue(a.storeUsable() && b.storeUsable());
                RequestOutcome outcome = a.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
                assertTrue(outcome.compressed(), outcome::toString);
                String hash = outcome.ccrHashes().get(0);
                assertTrue(new String(outcome.body(), StandardCharsets.UTF_8).contains(hash));

                assertEquals(LlmRequests.logsText(), b.retrieve(hash, null).originalContent(), "byte-identical on B");

                redis.stop();
                RequestOutcome down = a.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
                assertFalse(down.failedOpen(), "not an internal error: the content is simply left uncompressed");
                assertEquals(java.util.List.of(), down.ccrHashes());
                assertFalse(new String(down.body(), StandardCharsets.UTF_8).contains(hash), "no marker without a stored original");
                assertFalse(a.storeUsable(), "readiness reports the backend down");
            }
        }
    }
}
