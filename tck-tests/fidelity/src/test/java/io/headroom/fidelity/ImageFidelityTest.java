package io.headroom.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.testimages.OcrAccuracy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.ImageTokenUsage;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.host.OcrEngineStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's acceptance table: every {@link ImageCases} case through {@link Headroom#process} for OpenAI (gpt-4o),
 * Anthropic (claude-sonnet-4-5) and Gemini (gemini-2.5-flash through the OpenAI-compatible API), with image
 * compression on as the gateway runs it. Tokens before/after per provider next to the original's published
 * figures, OCR word accuracy on the transcribed text images, and how often the technique applied is the one the
 * question asks for. The table lands in {@code target/fidelity/images.md}. Not timed: latency is
 * {@code ImageBench} (tck-tests/benchmarks, {@code -Pbench}).
 */
class ImageFidelityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HeadroomConfig GATEWAY = HeadroomConfig.builder()
            .limits(l -> l.compressionDeadlineMs(120_000)).image(i -> i.enabled(true)).build();
    private static final String TRANSCRIPT_PREFIX = "[Text read from the image]";

    /** The original's published savings (../shared/seed/image-compression.md), on its own reference sizes. */
    private static final double OPENAI_ORIGINAL = 1 - 85.0 / 765; // 1024², 765 -> 85
    private static final double ANTHROPIC_ORIGINAL = 1 - 349.0 / 1398; // 1024², ~1,398 -> ~349
    private static final double GEMINI_ORIGINAL = 1 - 258.0 / 1032; // 1536², 1,032 -> 258
    /** The original's Anthropic figures are rounded ("~"): 1,399 -> 350, the exact count here, is the same ratio. */
    private static final double ROUNDING = 0.001;

    enum Provider {
        OPENAI("gpt-4o"), ANTHROPIC("claude-sonnet-4-5"), GEMINI("gemini-2.5-flash");

        final String model;

        Provider(String model) {
            this.model = model;
        }
    }

    record Row(ImageCases.ImageCase c, Map<Provider, ImageTokenUsage> usage, Double ocrAccuracy) {
    }

    @Test
    void savingsMeetTheOriginalsAndTheTableIsWritten() throws IOException {
        boolean ocr = OcrEngineStatus.detect().available();
        if (!ocr && "1".equals(System.getenv("HEADROOM_OCR_REQUIRED"))) {
            throw new AssertionError("HEADROOM_OCR_REQUIRED=1 but Tesseract is missing");
        }
        List<Row> rows = new ArrayList<>();
        try (Headroom headroom = Headroom.builder(GATEWAY).build()) {
            for (ImageCases.ImageCase c : ImageCases.all()) {
                Map<Provider, ImageTokenUsage> usage = new LinkedHashMap<>();
                Double accuracy = null;
                for (Provider p : Provider.values()) {
                    RequestOutcome outcome = headroom.process(endpoint(p), body(p, c), Mode.OPTIMIZE);
                    assertTrue(!outcome.failedOpen(), c.name() + " failed open on " + p);
                    usage.put(p, single(outcome, c, p));
                    if (p == Provider.ANTHROPIC && c.technique().equals("transcode")) {
                        accuracy = transcript(outcome).map(t -> OcrAccuracy.wordAccuracy(String.join(" ", c.image().text()), t))
                                .orElse(null);
                    }
                }
                rows.add(new Row(c, usage, accuracy));
            }
        }
        String report = report(rows, ocr);
        System.out.println(report);
        Path out = Path.of("target", "fidelity", "images.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        for (Row r : rows) {
            if (!r.c().technique().equals("full_low") || r.c().image().side() < 1024) {
                continue; // the original's figures are for 1024² and up; a 512² image has less to give
            }
            assertTrue(savings(r.usage().get(Provider.OPENAI)) >= OPENAI_ORIGINAL,
                    r.c().name() + " OpenAI " + r.usage().get(Provider.OPENAI));
            assertTrue(savings(r.usage().get(Provider.ANTHROPIC)) >= ANTHROPIC_ORIGINAL - ROUNDING,
                    r.c().name() + " Anthropic " + r.usage().get(Provider.ANTHROPIC));
        }
        if (ocr) {
            for (Row r : rows) {
                if (r.ocrAccuracy() != null) {
                    assertTrue(r.ocrAccuracy() >= 0.9, r.c().name() + " OCR word accuracy " + r.ocrAccuracy());
                }
            }
        }
    }

    private static ImageTokenUsage single(RequestOutcome outcome, ImageCases.ImageCase c, Provider p) {
        List<ImageTokenUsage> images = outcome.images();
        assertTrue(images.size() == 1, c.name() + " on " + p + ": " + images);
        return images.get(0);
    }

    private static Endpoint endpoint(Provider p) {
        return p == Provider.ANTHROPIC ? Endpoint.ANTHROPIC_MESSAGES : Endpoint.OPENAI_CHAT;
    }

    private static byte[] body(Provider p, ImageCases.ImageCase c) {
        String base64 = Base64.getEncoder().encodeToString(c.image().bytes());
        ObjectNode root = JSON.createObjectNode().put("model", p.model);
        if (p == Provider.ANTHROPIC) {
            root.put("max_tokens", 1024);
        }
        ArrayNode content = root.putArray("messages").addObject().put("role", "user").putArray("content");
        if (p == Provider.ANTHROPIC) {
            content.addObject().put("type", "image").putObject("source").put("type", "base64")
                    .put("media_type", c.image().mimeType()).put("data", base64);
            content.addObject().put("type", "text").put("text", c.question());
        } else {
            content.addObject().put("type", "text").put("text", c.question());
            content.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", "data:" + c.image().mimeType() + ";base64," + base64);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The recognised text the image was replaced by, if it was. */
    private static java.util.Optional<String> transcript(RequestOutcome outcome) {
        try {
            for (JsonNode part : JSON.readTree(outcome.body()).at("/messages/0/content")) {
                String text = part.path("text").asText("");
                if (text.startsWith(TRANSCRIPT_PREFIX)) {
                    return java.util.Optional.of(text.substring(TRANSCRIPT_PREFIX.length()));
                }
            }
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double savings(ImageTokenUsage u) {
        return u.tokensBefore() == 0 ? 0 : 1 - (double) u.tokensAfter() / u.tokensBefore();
    }

    // --- the report ---------------------------------------------------------------------------------------------

    private static String report(List<Row> rows, boolean ocr) {
        StringBuilder out = new StringBuilder();
        out.append("| Case | Question | Applied (OpenAI / Anthropic / Gemini) | OpenAI before → after | Anthropic before → after"
                + " | Gemini before → after | OCR word accuracy |\n| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            out.append("| ").append(r.c().name()).append(" | ").append(r.c().question()).append(" | ")
                    .append(applied(r)).append(" | ")
                    .append(cell(r.usage().get(Provider.OPENAI))).append(" | ")
                    .append(cell(r.usage().get(Provider.ANTHROPIC))).append(" | ")
                    .append(cell(r.usage().get(Provider.GEMINI))).append(" | ")
                    .append(r.ocrAccuracy() == null ? "" : percent(r.ocrAccuracy())).append(" |\n");
        }
        out.append("\n| Provider | Reference (original) | Original | Headroom for Java, same image | Savings (original → here) |\n"
                + "| --- | --- | ---: | ---: | ---: |\n");
        out.append(reference(rows, Provider.OPENAI, "1024² full_low", 1024, "765 → 85", OPENAI_ORIGINAL));
        out.append(reference(rows, Provider.ANTHROPIC, "1024² full_low", 1024, "~1,398 → ~349", ANTHROPIC_ORIGINAL));
        out.append(reference(rows, Provider.GEMINI, "1536² full_low", 1536, "1,032 → 258", GEMINI_ORIGINAL));

        out.append("\n| Technique | Cases | Applied as asked | OpenAI saved | Anthropic saved | Gemini saved |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |\n");
        int total = 0;
        int asked = 0;
        for (String technique : ImageCases.TECHNIQUES) {
            List<Row> of = rows.stream().filter(r -> r.c().technique().equals(technique)).toList();
            long ok = of.stream().filter(r -> r.usage().get(Provider.ANTHROPIC).technique().equals(technique)).count();
            total += of.size();
            asked += (int) ok;
            out.append("| ").append(technique).append(" | ").append(of.size()).append(" | ").append(ok)
                    .append(" | ").append(percent(aggregate(of, Provider.OPENAI)))
                    .append(" | ").append(percent(aggregate(of, Provider.ANTHROPIC)))
                    .append(" | ").append(percent(aggregate(of, Provider.GEMINI))).append(" |\n");
        }
        out.append(String.format(Locale.ROOT, "%nTechnique applied as the question asks (Anthropic run): %d of %d (%s)%s.%n",
                asked, total, percent((double) asked / total),
                ocr ? "" : "; Tesseract is not installed here, so no transcode case can be applied"));
        List<Double> ocrScores = rows.stream().map(Row::ocrAccuracy).filter(a -> a != null).toList();
        if (!ocrScores.isEmpty()) {
            out.append(String.format(Locale.ROOT, "OCR word accuracy on the %d transcribed text images: mean %s, lowest %s.%n",
                    ocrScores.size(), percent(ocrScores.stream().mapToDouble(d -> d).average().orElse(0)),
                    percent(ocrScores.stream().mapToDouble(d -> d).min().orElse(0))));
        }
        return out.toString();
    }

    private static String applied(Row r) {
        return r.usage().values().stream().map(ImageTokenUsage::technique).distinct().reduce((a, b) -> a + " / " + b)
                .orElse("");
    }

    private static String reference(List<Row> rows, Provider p, String label, int side, String original, double saved) {
        return rows.stream()
                .filter(r -> r.c().technique().equals("full_low") && r.c().image().side() == side
                        && r.c().image().kind() == io.headroom.fidelity.images.GeneratedImages.Kind.PHOTO)
                .findFirst()
                .map(r -> "| " + p + " | " + label + " | " + original + " | " + cell(r.usage().get(p)) + " | "
                        + percent(saved) + " → " + percent(savings(r.usage().get(p))) + " |\n")
                .orElse("");
    }

    private static double aggregate(List<Row> rows, Provider p) {
        long before = rows.stream().mapToLong(r -> r.usage().get(p).tokensBefore()).sum();
        long after = rows.stream().mapToLong(r -> r.usage().get(p).tokensAfter()).sum();
        return before == 0 ? 0 : 1 - (double) after / before;
    }

    private static String cell(ImageTokenUsage u) {
        return u.tokensBefore() + " → " + u.tokensAfter();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
