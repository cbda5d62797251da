package io.headroom.internal.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.Endpoint;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the image parts of a message cost the model, for whoever sizes messages outside the image stage (context
 * fitting): the same rule as the stage ({@link #tokens(ImageBlock, ImageProvider, String, long)}), per provider
 * ({@link ImageProvider#of}), for OpenAI chat {@code image_url}, Responses {@code input_image} and Anthropic
 * {@code image} blocks (also inside {@code tool_result}).
 *
 * <p>Each image is costed once: a count is remembered by the identity of its part node, and the image stage's own
 * counts can be handed over ({@link #knowing(ImageRun)}) so that a request that went through the stage never has an
 * image header read twice. Counting reads the header only (never pixels). One instance per request; not
 * thread-safe.
 */
public final class ImageCost {
    private final ImageBlock.Shape shape;
    private final ImageProvider provider;
    private final String model;
    private final long maxPixels;
    private final Map<JsonNode, Integer> known = new IdentityHashMap<>();

    private ImageCost(ImageBlock.Shape shape, ImageProvider provider, String model, long maxPixels) {
        this.shape = shape;
        this.provider = provider;
        this.model = model;
        this.maxPixels = maxPixels;
    }

    /**
     * @param model     the request's model (decides the provider on OpenAI-compatible endpoints, and OpenAI's tiles)
     * @param maxPixels {@code image.max-pixels}, passed to the header reader (the size is read either way)
     */
    public static ImageCost of(Endpoint endpoint, String model, long maxPixels) {
        return new ImageCost(ImageBlocks.shapeOf(endpoint), ImageProvider.of(endpoint, model), model, maxPixels);
    }

    /**
     * Takes the image stage's counts of the images it left as images: what they cost as they are now, after the
     * stage (an image it replaced by text is a text part, counted with the texts).
     */
    public ImageCost knowing(ImageRun run) {
        if (run != null) {
            for (ImageRun.ImageResult r : run.results()) {
                if (r.stillImage()) {
                    known.put(r.node(), r.tokensAfter());
                }
            }
        }
        return this;
    }

    /** Tokens of every image part of {@code message} (0 when it has none). */
    public int tokens(JsonNode message) {
        int sum = 0;
        for (ImageBlock image : ImageBlocks.inMessage(shape, message, 0)) {
            sum += known.computeIfAbsent(image.node(), n -> tokens(image, provider, model, maxPixels));
        }
        return sum;
    }

    /**
     * The image stage's rule for one image as sent: its provider's count from the size in its header when the
     * payload is inlined, valid base64, in a format the header reader knows and of the declared MIME type; else
     * the count of an image of unknown size (URLs are never fetched).
     */
    public static int tokens(ImageBlock image, ImageProvider provider, String model, long maxPixels) {
        ImageBlock.Inline inline = image.inline();
        ImageHeader header = readableHeader(inline, inline == null ? null : inline.bytes(), maxPixels);
        return header != null ? ImageTokens.count(provider, model, header.width(), header.height(), image.detail())
                : ImageTokens.countUnknown(provider, model, image.detail());
    }

    /**
     * The header of an inlined payload whose size may be trusted: {@code bytes} (the decoded payload, null when it
     * is not base64) in a format the header reader knows and of the MIME type {@code inline} declares (a PNG
     * labelled JPEG is left alone); else null.
     */
    static ImageHeader readableHeader(ImageBlock.Inline inline, byte[] bytes, long maxPixels) {
        if (bytes == null) {
            return null;
        }
        ImageHeader header = ImageHeader.read(bytes, maxPixels);
        return header != null && ImageFormat.ofMimeType(inline.mediaType()).map(header.format()::equals).orElse(false)
                ? header : null;
    }
}
