package io.headroom.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.ImageTokenUsage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Image meters by technique, as Prometheus shows them. */
class ImageMetersTest {

    @Test
    void imagesAndTheirTokensAreCountedByTechnique() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB), "png", png);
        String body = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"text","text":"What is in this picture?"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}"""
                .formatted(Base64.getEncoder().encodeToString(png.toByteArray()));
        try (Headroom headroom = Headroom.create(HeadroomConfig.builder().image(i -> i.enabled(true))
                .limits(l -> l.compressionDeadlineMs(60_000)).build())) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new HeadroomMeterBinder(headroom).bindTo(registry);
            headroom.process(Endpoint.OPENAI_CHAT, body.getBytes(StandardCharsets.UTF_8), null);

            String text = registry.scrape();
            assertTrue(text.contains("headroom_images_total{technique=\"full_low\"} 1.0"), text);
            assertTrue(text.contains("headroom_image_tokens_before_total{technique=\"full_low\"} 765.0"), text);
            assertTrue(text.contains("headroom_image_tokens_after_total{technique=\"full_low\"} 85.0"), text);
            assertTrue(text.contains("headroom_images_total{technique=\"preserve\"} 0.0"), text);
            assertEquals(ImageTokenUsage.TECHNIQUES.size(),
                    registry.get("headroom.images").functionCounters().size());
        }
    }
}
