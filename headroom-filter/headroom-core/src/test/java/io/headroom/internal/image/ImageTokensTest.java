package io.headroom.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The providers' own worked examples, and the original project's published figures. */
class ImageTokensTest {

    @ParameterizedTest(name = "{0} {1}x{2} detail={3}: {4}")
    @CsvSource({
            // OpenAI "Calculating costs": 1024 square high 765, low 85; 2048x4096 high 1105; 4096x8192 low 85
            "gpt-4o, 1024, 1024, high, 765",
            "gpt-4o, 1024, 1024, auto, 765",
            "gpt-4o, 1024, 1024, low, 85",
            "gpt-4o-2024-08-06, 2048, 4096, high, 1105",
            "gpt-4o, 4096, 8192, low, 85",
            "gpt-4.1, 512, 512, high, 255",
            "gpt-5, 1024, 1024, , 765",
            // gpt-4o-mini: 2833 base, 5667 per tile (its 33x multiplier folded in)
            "gpt-4o-mini, 1024, 1024, high, 25501",
            "gpt-4o-mini, 1024, 1024, low, 2833",
            // o1 / o3: 75 base, 150 per tile
            "o1, 1024, 1024, high, 675",
            "o3, 1024, 1024, low, 75",
            // patch models: 1024x1024 is 1024 patches; 1800x2400 scales to 1056x1408, 33x44 = 1452 patches
            "gpt-4.1-mini, 1024, 1024, high, 1659",
            "gpt-4.1-mini, 1800, 2400, high, 2353",
            "gpt-4.1-nano, 1024, 1024, low, 2520",
            "o4-mini, 1024, 1024, high, 1762",
    })
    void openAi(String model, int w, int h, String detail, int expected) {
        assertEquals(expected, ImageTokens.count(ImageProvider.OPENAI, model, w, h, detail));
    }

    @ParameterizedTest(name = "{0}x{1}: {2}")
    @CsvSource({
            // Anthropic vision guide: (w*h)/750, 200x200 ~54, 1000x1000 ~1334
            "200, 200, 54",
            "1000, 1000, 1334",
            // the original's figures: 1024 square ~1,398, 512 square ~349
            "1024, 1024, 1399",
            "512, 512, 350",
            // long edge above 1568 scales to 1568 first; then the 1.15 MP cap
            "3136, 1045, 1092",
            "4096, 4096, 1533",
    })
    void anthropic(int w, int h, int expected) {
        assertEquals(expected, ImageTokens.count(ImageProvider.ANTHROPIC, "claude-sonnet-4-5", w, h, null));
    }

    @ParameterizedTest(name = "{0}x{1}: {2}")
    @CsvSource({
            // Gemini: both sides <= 384 one 258-token unit, else 258 per 768x768 tile; the original's 1536 square 1,032
            "384, 384, 258",
            "768, 768, 258",
            "1536, 1536, 1032",
            "1024, 768, 516",
    })
    void gemini(int w, int h, int expected) {
        assertEquals(expected, ImageTokens.count(ImageProvider.GEMINI, "gemini-2.5-flash", w, h, null));
    }

    @Test
    void theViewScaleIsTheProvidersOwnDownscale() {
        // OpenAI 4096^2 high: 2048 fit, short side 768 -> 768 / 4096; low: the 512 px version
        assertEquals(768.0 / 4096, ImageTokens.viewScale(ImageProvider.OPENAI, "gpt-4o", 4096, 4096, null), 1e-9);
        assertEquals(512.0 / 4096, ImageTokens.viewScale(ImageProvider.OPENAI, "gpt-4o", 4096, 4096, "low"), 1e-9);
        assertEquals(1.0, ImageTokens.viewScale(ImageProvider.OPENAI, "gpt-4o", 700, 500, null));
        // patch models: 1,536 patches at most (OpenAI's 1800 x 2400 example: 1,452 patches)
        double p = ImageTokens.viewScale(ImageProvider.OPENAI, "gpt-4.1-mini", 1800, 2400, null);
        assertTrue(Math.ceil(1800 * p / 32 - 1e-6) * Math.ceil(2400 * p / 32 - 1e-6) <= 1536);
        // Anthropic 4096^2: 1568 edge then 1.15 MP -> sqrt(1.15e6) / 4096
        assertEquals(Math.sqrt(1_150_000) / 4096,
                ImageTokens.viewScale(ImageProvider.ANTHROPIC, null, 4096, 4096, null), 1e-9);
        assertEquals(1.0, ImageTokens.viewScale(ImageProvider.ANTHROPIC, null, 1000, 800, null));
        assertEquals(1.0, ImageTokens.viewScale(ImageProvider.GEMINI, null, 4096, 4096, null), "Gemini tiles");
        // a region at the view scale costs what that part of the whole image cost
        double a = ImageTokens.viewScale(ImageProvider.ANTHROPIC, null, 4096, 4096, null);
        int quarter = ImageTokens.count(ImageProvider.ANTHROPIC, null, (int) Math.round(2048 * a),
                (int) Math.round(2048 * a), null);
        assertEquals(ImageTokens.count(ImageProvider.ANTHROPIC, null, 4096, 4096, null) / 4.0, quarter, 3);
    }

    @Test
    void unknownSizeIsCountedAsTheDefaultSquare() {
        assertEquals(765, ImageTokens.countUnknown(ImageProvider.OPENAI, "gpt-4o", null));
        assertEquals(85, ImageTokens.countUnknown(ImageProvider.OPENAI, "gpt-4o", "low"));
        assertEquals(1399, ImageTokens.countUnknown(ImageProvider.ANTHROPIC, null, null));
        assertEquals(1032, ImageTokens.countUnknown(ImageProvider.GEMINI, null, null));
    }

    @Test
    void providerFollowsTheEndpointThenTheModel() {
        assertEquals(ImageProvider.ANTHROPIC, ImageProvider.of(Endpoint.ANTHROPIC_MESSAGES, "gpt-4o"));
        assertEquals(ImageProvider.GEMINI, ImageProvider.of(Endpoint.OPENAI_CHAT, "google/gemini-2.5-pro"));
        assertEquals(ImageProvider.ANTHROPIC, ImageProvider.of(Endpoint.OPENAI_CHAT, "claude-opus-4"));
        assertEquals(ImageProvider.OPENAI, ImageProvider.of(Endpoint.OPENAI_RESPONSES, null));
    }

    @Test
    void lowDetailOnlyWhereTheModelChargesLessForIt() {
        assertTrue(ImageTokens.lowDetailHonoured(ImageProvider.OPENAI, "gpt-4o"));
        assertFalse(ImageTokens.lowDetailHonoured(ImageProvider.OPENAI, "gpt-4.1-mini"));
        assertFalse(ImageTokens.lowDetailHonoured(ImageProvider.ANTHROPIC, "claude-3-5-sonnet"));
    }
}
