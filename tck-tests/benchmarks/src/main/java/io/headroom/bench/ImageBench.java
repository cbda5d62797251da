package io.headroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import io.headroom.fidelity.images.GeneratedImages;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency the image stage adds to a request with one image (issue 19's "p50 added latency per image"): the
 * same request through {@link Headroom#process} with image compression on ({@code imagesOn}) and off
 * ({@code imagesOff}, which still counts the image from its header); the added latency is the difference of their
 * p50s. Images are the image benchmark's own ({@link GeneratedImages}); the question picks the technique.
 * {@code transcode} includes running Tesseract when it is installed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ImageBench {
    private static final Map<String, String> QUESTIONS = Map.of(
            "full_low", "What is shown in this image?",
            "crop", "What is in the top-left corner?",
            "transcode", "Transcribe the text in this document.");

    /** {@code <kind>_<side>} of {@link GeneratedImages}. */
    @Param({"screenshot_1024", "photo_1024", "document_1024", "photo_2048", "photo_4096"})
    public String image;

    @Param({"full_low", "crop", "transcode"})
    public String technique;

    @Param({"anthropic", "openai"})
    public String provider;

    private Headroom on;
    private Headroom off;
    private Endpoint endpoint;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = image.split("_");
        GeneratedImages.Image generated = GeneratedImages.generate(
                GeneratedImages.Kind.valueOf(parts[0].toUpperCase(Locale.ROOT)), Integer.parseInt(parts[1]));
        boolean anthropic = provider.equals("anthropic");
        endpoint = anthropic ? Endpoint.ANTHROPIC_MESSAGES : Endpoint.OPENAI_CHAT;
        body = body(anthropic, generated, QUESTIONS.get(technique));
        HeadroomConfig base = HeadroomConfig.builder().limits(l -> l.compressionDeadlineMs(120_000)).build();
        off = Headroom.create(base);
        on = Headroom.create(base.toBuilder().image(i -> i.enabled(true)).build());
        if (on.process(endpoint, body, io.headroom.Mode.OPTIMIZE).failedOpen()) {
            throw new IllegalStateException("the image stage failed open on " + image); // would time the wrong path
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        on.close();
        off.close();
    }

    @Benchmark
    public RequestOutcome imagesOn() {
        return on.process(endpoint, body, io.headroom.Mode.OPTIMIZE);
    }

    @Benchmark
    public RequestOutcome imagesOff() {
        return off.process(endpoint, body, io.headroom.Mode.OPTIMIZE);
    }

    private static byte[] body(boolean anthropic, GeneratedImages.Image image, String question) {
        ObjectMapper json = new ObjectMapper();
        String base64 = Base64.getEncoder().encodeToString(image.bytes());
        ObjectNode root = json.createObjectNode().put("model", anthropic ? "claude-sonnet-4-5" : "gpt-4o");
        if (anthropic) {
            root.put("max_tokens", 1024);
        }
        ArrayNode content = root.putArray("messages").addObject().put("role", "user").putArray("content");
        if (anthropic) {
            content.addObject().put("type", "image").putObject("source").put("type", "base64")
                    .put("media_type", image.mimeType()).put("data", base64);
            content.addObject().put("type", "text").put("text", question);
        } else {
            content.addObject().put("type", "text").put("text", question);
            content.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", "data:" + image.mimeType() + ";base64," + base64);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
