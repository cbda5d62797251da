package io.headroom.quarkus.runtime.devui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentCompressionsTest {
    private static final Instant NOW = Instant.parse("2025-03-14T10:02:00Z");
    private final RecentCompressions recent = new RecentCompressions(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsARewrittenRequest() {
        recent.onRequest(Endpoint.ANTHROPIC_MESSAGES, Mode.OPTIMIZE, compressed(1000, 100, List.of("router:log:0.1")), 2_345_678);

        CompressionRecord r = recent.newestFirst().get(0);
        assertEquals(new CompressionRecord("2025-03-14T10:02:00Z", "/v1/messages", "optimize", 1000, 100, 900,
                List.of("router:log:0.1"), 1, 2.3), r);
    }

    @Test
    void keepsOnlyTheNewestCapacityEntriesNewestFirst() {
        int total = RecentCompressions.CAPACITY + 7;
        IntStream.range(0, total).forEach(i ->
                recent.onRequest(Endpoint.OPENAI_CHAT, Mode.OPTIMIZE, compressed(1000 + i, 10, List.of()), 0));

        List<CompressionRecord> all = recent.newestFirst();
        assertEquals(RecentCompressions.CAPACITY, all.size());
        assertEquals(1000 + total - 1, all.get(0).tokensBefore());
        assertEquals(1000 + total - RecentCompressions.CAPACITY, all.get(all.size() - 1).tokensBefore());
    }

    @Test
    void auditedRequestsThatWouldSaveAreRecordedAsAudit() {
        RequestOutcome audited = new RequestOutcome(new byte[0], false, 800, 200, List.of("router:json:0.2"), List.of(), false);

        recent.onRequest(Endpoint.OPENAI_CHAT, Mode.AUDIT, audited, 0);

        CompressionRecord r = recent.newestFirst().get(0);
        assertEquals("audit", r.mode());
        assertEquals(600, r.tokensSaved());
    }

    @Test
    void requestsThatWereNotCompressedAreNotListed() {
        byte[] body = new byte[] {'{', '}'};
        recent.onRequest(Endpoint.OPENAI_CHAT, Mode.OPTIMIZE, RequestOutcome.untouched(body), 0);
        recent.onRequest(Endpoint.OPENAI_CHAT, Mode.OPTIMIZE, RequestOutcome.failOpen(body), 0);
        recent.onRequest(Endpoint.OPENAI_CHAT, Mode.AUDIT, new RequestOutcome(body, false, 300, 300, List.of(), List.of(), false), 0);
        recent.onRequest(Endpoint.OPENAI_CHAT, Mode.PASSTHROUGH, RequestOutcome.untouched(body), 0);

        assertTrue(recent.newestFirst().isEmpty());
    }

    @Test
    void transformNamesAreCappedButCounted() {
        List<String> transforms = IntStream.range(0, 250).mapToObj(i -> "router:json:0." + i).toList();

        recent.onRequest(Endpoint.OPENAI_RESPONSES, Mode.OPTIMIZE, compressed(90_000, 9_000, transforms), 0);

        CompressionRecord r = recent.newestFirst().get(0);
        assertEquals(transforms.subList(0, CompressionRecord.MAX_TRANSFORMS), r.transforms());
        assertEquals(250, r.transformCount());
    }

    private static RequestOutcome compressed(int before, int after, List<String> transforms) {
        return new RequestOutcome(new byte[] {'{', '}'}, true, before, after, transforms, List.of(), false);
    }
}
