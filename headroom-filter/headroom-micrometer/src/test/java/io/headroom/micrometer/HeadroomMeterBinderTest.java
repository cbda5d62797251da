package io.headroom.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LlmRequests;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.StatsSnapshot;
import io.headroom.host.Admission;
import io.headroom.host.PassReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeadroomMeterBinderTest {

    @Test
    void theMetersCountWhatTheEngineAndTheAdmissionSaw() {
        try (Headroom headroom = Headroom.create(HeadroomConfig.builder().build())) {
            Admission admission = Admission.of(headroom);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new HeadroomMeterBinder(headroom, admission).bindTo(registry);

            RequestOutcome compressed = headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
            headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), Mode.AUDIT);
            String hash = compressed.ccrHashes().get(0);
            headroom.retrieve(hash, null);
            assertThrowsNotFound(headroom);
            headroom.onRetrieveRound(Endpoint.OPENAI_CHAT);
            admission.decide("POST", "/v1/messages", Map.of("x-headroom-bypass", "true")::get);

            StatsSnapshot s = headroom.stats();
            assertEquals(1, counter(registry, "headroom.requests", "mode", "optimize"));
            assertEquals(1, counter(registry, "headroom.requests", "mode", "audit"));
            assertEquals(0, counter(registry, "headroom.requests", "mode", "passthrough"));
            assertEquals(1, registry.get("headroom.requests.compressed").counter().count());
            assertEquals(0, registry.get("headroom.requests.failed.open").counter().count());
            assertEquals(compressed.tokensSaved(), registry.get("headroom.tokens.saved").counter().count());
            assertEquals(s.tokensBefore(), registry.get("headroom.tokens.before").counter().count());
            assertEquals(s.tokensAfter(), registry.get("headroom.tokens.after").counter().count());
            assertEquals(2, registry.get("headroom.latency").timer().count());
            assertEquals(2, registry.get("headroom.compression.ratio").summary().count());
            assertEquals(s.ccrStored(), registry.get("headroom.ccr.stored").functionCounter().count());
            assertTrue(s.ccrStored() > 0);
            assertEquals(s.ccrEntries(), registry.get("headroom.ccr.entries").gauge().value());
            assertEquals(1, registry.get("headroom.cache.hits").functionCounter().count());
            assertEquals(1, registry.get("headroom.cache.misses").functionCounter().count());
            assertEquals(1, registry.get("headroom.retrieve.rounds").functionCounter().count());
            assertEquals(1, registry.get("headroom.requests.passed").tag("reason", "bypass").functionCounter().count());
            assertEquals(0, registry.get("headroom.requests.passed").tag("reason", "too_large").functionCounter().count());
            assertEquals(PassReason.values().length, registry.get("headroom.requests.passed").functionCounters().size());
        }
    }

    @Test
    void prometheusShowsTheGatewaysMeterNames() {
        try (Headroom headroom = Headroom.create(HeadroomConfig.builder().build())) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new HeadroomMeterBinder(headroom, Admission.of(headroom)).bindTo(registry);
            headroom.process(Endpoint.ANTHROPIC_MESSAGES, LlmRequests.anthropicMessages(), null);

            String text = registry.scrape();
            assertEquals(1.0, value(text, "headroom_requests_total\\{mode=\"optimize\"\\}"));
            assertTrue(value(text, "headroom_tokens_saved_total") > 0, text);
            assertTrue(text.contains("headroom_compression_ratio_bucket{le=\"0.5\""), text);
            assertTrue(text.contains("headroom_latency_seconds_bucket"), text);
            for (String name : new String[] {"headroom_requests_compressed_total", "headroom_requests_failed_open_total",
                    "headroom_tokens_before_total", "headroom_tokens_after_total", "headroom_ccr_stored_total",
                    "headroom_ccr_entries", "headroom_cache_hits_total", "headroom_cache_misses_total",
                    "headroom_retrieve_rounds_total", "headroom_requests_passed_total{reason=\"failed_open\"}"}) {
                assertTrue(text.contains(name), name + " in\n" + text);
            }
        }
    }

    @Test
    void twoRegistriesCountTheSameRequestsEachOnce() {
        try (Headroom headroom = Headroom.create(HeadroomConfig.builder().build())) {
            SimpleMeterRegistry first = new SimpleMeterRegistry();
            SimpleMeterRegistry second = new SimpleMeterRegistry();
            HeadroomMeterBinder binder = new HeadroomMeterBinder(headroom);
            binder.bindTo(first);
            binder.bindTo(second);
            headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
            assertEquals(1, counter(first, "headroom.requests", "mode", "optimize"));
            assertEquals(1, counter(second, "headroom.requests", "mode", "optimize"));
            assertTrue(first.find("headroom.requests.passed").meters().isEmpty(), "no admission, no pass-through meters");
        }
    }

    private static void assertThrowsNotFound(Headroom headroom) {
        try {
            headroom.retrieve("0123456789abcdef0123456789abcdef", null);
        } catch (io.headroom.HeadroomException expected) {
            return;
        }
        throw new AssertionError("unknown hash found");
    }

    private static double counter(MeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        assertTrue(m.find(), series + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }
}
