package io.headroom.internal.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.CcrEntry;
import io.headroom.Endpoint;
import io.headroom.ImageConfig;
import io.headroom.host.HeadroomLog;
import io.headroom.internal.ccr.ContentHash;
import io.headroom.internal.ccr.StoreThenMark;
import io.headroom.internal.limits.Deadline;
import io.headroom.internal.tokens.TokenCounter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The image stage: counts every image of a request by its provider's rule and, when enabled, sends each at the
 * resolution its question needs. The technique comes from the query router for the newest user turn's images
 * (never cut below what that question needs); images of earlier turns, already answered, go at low resolution
 * whatever the question. Per provider:
 * <ul>
 *   <li>{@code full_low}: OpenAI {@code detail: "low"} (tile models; patch models get a smaller copy), Anthropic a
 *       copy {@value #ANTHROPIC_LOW_EDGE} px on its long edge ({@value #EARLIER_LOW_EDGE} for earlier turns),
 *       Gemini {@value #GEMINI_LOW_EDGE} px (one tile);</li>
 *   <li>{@code crop}: the region the question names, else the one the region finder picks, at the scale the
 *       provider would have shown the whole image ({@link ImageTokens#viewScale}): the model sees every pixel of
 *       the region it would have seen, and pays for the region only;</li>
 *   <li>{@code transcode}: a text part with the transcriber's text when it gives one (it judges its own
 *       confidence) within half the time left before {@code compression-deadline-ms} (the text stages after it
 *       keep the other half), else the pixels;</li>
 *   <li>{@code preserve}: as sent.</li>
 * </ul>
 * A changed payload is kept only when it costs fewer tokens, and only after CCR confirmed it holds the original
 * (the base64 payload exactly as sent, so it decodes to the original bytes). An image that cannot be read (not
 * base64, unknown or lying format, corrupt, animated, CMYK, over {@code image.max-pixels}) goes on as it came,
 * counted; no image ever fails the request. Thread-safe: holds no per-request state.
 */
public final class ImageCompressor {
    static final int ANTHROPIC_LOW_EDGE = 512;
    static final int GEMINI_LOW_EDGE = 768;
    static final int EARLIER_LOW_EDGE = 384;
    /** OpenAI patch models: the long edge of a {@code full_low} copy (256 patches at a square). */
    static final int OPENAI_PATCH_LOW_EDGE = 512;
    static final String CCR_TOOL_NAME = "image";

    private static final HeadroomLog LOG = HeadroomLog.of(ImageCompressor.class);

    private final ImageConfig config;
    private final ImageQueryRouter router;
    private final ImageRegionFinder regions;
    private final ImageTranscriber transcriber;
    private final StoreThenMark ccr;
    private final Clock clock;

    public ImageCompressor(ImageConfig config, ImageAnalysis analysis, StoreThenMark ccr, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.router = analysis.router();
        this.regions = analysis.regions();
        this.transcriber = analysis.transcriber();
        this.ccr = ccr;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Counts, and when enabled compresses, the images of {@code root} in place.
     *
     * @param store    true to keep changed originals in CCR (a change CCR refuses is not made); false measures only
     * @param question the latest user question ({@code ParsedRequest.query}), or null
     */
    public ImageRun run(Endpoint endpoint, ObjectNode root, String model, String question, boolean store,
                        String scope, TokenCounter.Tokenizer tokenizer, Deadline deadline) {
        ImageBlocks blocks = ImageBlocks.find(endpoint, root);
        ImageTally tally = new ImageTally();
        List<ImageRun.ImageResult> results = new ArrayList<>();
        List<String> transforms = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        if (blocks.images().isEmpty()) {
            return new ImageRun(tally, results, transforms, hashes, false);
        }
        ImageProvider provider = ImageProvider.of(endpoint, model);
        ImageRoute newestRoute = config.enabled() ? safeRoute(question) : ImageRoute.preserve();
        boolean changed = false;
        for (ImageBlock image : blocks.images()) {
            deadline.tick();
            Job job = new Job(image, provider, model, blocks.inNewestTurn(image));
            ImageRun.ImageResult r = compress(job, newestRoute, store, scope, tokenizer, deadline);
            results.add(r);
            tally.add(r.technique(), r.tokensBefore(), r.tokensAfter());
            if (r.transform() != null) {
                transforms.add(r.transform());
                changed = true;
            }
            if (r.transform() != null && job.storedHash != null) {
                hashes.add(job.storedHash);
            }
        }
        return new ImageRun(tally, results, transforms, hashes, changed);
    }

    private ImageRoute safeRoute(String question) {
        try {
            ImageRoute r = router.route(question);
            return r == null ? ImageRoute.preserve() : r;
        } catch (RuntimeException e) {
            LOG.warn("Headroom kept a request's images as sent: the image query router failed ({})",
                    e.getClass().getName());
            return ImageRoute.preserve();
        }
    }

    /** One image on its way through the stage. */
    private static final class Job {
        final ImageBlock image;
        final ImageProvider provider;
        final String model;
        final boolean newest;
        String storedHash;

        Job(ImageBlock image, ImageProvider provider, String model, boolean newest) {
            this.image = image;
            this.provider = provider;
            this.model = model;
            this.newest = newest;
        }

        ImageRun.ImageResult result(String technique, int before, int after, boolean stillImage, ObjectNode node,
                                    String transform) {
            return new ImageRun.ImageResult(node, image.messageIndex(), image.partIndex(), technique, before, after,
                    stillImage, transform, transform == null ? null : storedHash);
        }

        ImageRun.ImageResult unchanged(String technique, int tokens) {
            return result(technique, tokens, tokens, true, image.node(), null);
        }
    }

    private ImageRun.ImageResult compress(Job job, ImageRoute newestRoute, boolean store, String scope,
                                          TokenCounter.Tokenizer tokenizer, Deadline deadline) {
        ImageBlock image = job.image;
        String detail = image.detail();
        ImageBlock.Inline inline = image.inline();
        byte[] bytes = inline == null ? null : inline.bytes();
        ImageHeader header = ImageCost.readableHeader(inline, bytes, config.maxPixels());
        boolean readable = header != null;
        int before = readable
                ? ImageTokens.count(job.provider, job.model, header.width(), header.height(), detail)
                : ImageTokens.countUnknown(job.provider, job.model, detail);
        if (!config.enabled()) {
            return job.unchanged("disabled", before);
        }
        ImageTechnique technique = job.newest ? newestRoute.technique() : ImageTechnique.FULL_LOW;
        String name = technique.name().toLowerCase(Locale.ROOT);
        // OpenAI's detail needs no pixels: it applies to URLs and unreadable payloads as well
        if (technique == ImageTechnique.FULL_LOW && ImageTokens.lowDetailHonoured(job.provider, job.model)) {
            int after = readable ? ImageTokens.count(job.provider, job.model, header.width(), header.height(), "low")
                    : ImageTokens.countUnknown(job.provider, job.model, "low");
            if (after >= before) {
                return job.unchanged(name, before);
            }
            image.lowDetail();
            return job.result(name, before, after, true, image.node(), transform(name, before, after));
        }
        if (!readable || header.flaw() != ImageHeader.Flaw.NONE) {
            return job.unchanged("unread", before);
        }
        if (technique == ImageTechnique.PRESERVE) {
            return job.unchanged(name, before);
        }
        deadline.check(); // decoding is where the time goes
        try {
            if (technique == ImageTechnique.TRANSCODE) {
                return transcode(job, bytes, inline, before, store, scope, tokenizer, ocrBudget(deadline));
            }
            BufferedImage pixels = ImageCodec.decode(bytes);
            BufferedImage out;
            if (technique == ImageTechnique.CROP) {
                ImageRegion region = cropRegion(newestRoute, pixels);
                out = ImageRegion.WHOLE.equals(region) ? pixels : ImageCodec.crop(pixels, region);
                out = ImageCodec.scaleBy(out, ImageTokens.viewScale(job.provider, job.model, header.width(),
                        header.height(), detail));
            } else {
                out = lowResolution(job, pixels);
            }
            if (out == pixels) {
                return job.unchanged(name, before); // already small enough: never upscaled, never re-encoded
            }
            ImageCodec.Encoded encoded = ImageCodec.encode(out, header.format());
            int after = ImageTokens.count(job.provider, job.model, encoded.width(), encoded.height(), detail);
            if (after >= before || !keepOriginal(job, inline, before, store, scope)) {
                return job.unchanged(name, before);
            }
            image.replacePayload(encoded.bytes(), encoded.format());
            return job.result(name, before, after, true, image.node(), transform(name, before, after));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // this image only: the request goes on, this image as it came
            LOG.warn("Headroom sent an image as it came: {} while re-encoding it", e.getClass().getName());
            return job.unchanged("unread", before);
        }
    }

    /** The region the question names, else the one the image's content picks (WHOLE: nothing to cut). */
    private ImageRegion cropRegion(ImageRoute route, BufferedImage pixels) {
        if (!ImageRegion.WHOLE.equals(route.region())) {
            return route.region();
        }
        ImageRegion found = regions.find(pixels);
        return found == null ? ImageRegion.WHOLE : found;
    }

    private static BufferedImage lowResolution(Job job, BufferedImage pixels) {
        int edge = switch (job.provider) {
            case ANTHROPIC -> job.newest ? ANTHROPIC_LOW_EDGE : EARLIER_LOW_EDGE;
            case GEMINI -> job.newest ? GEMINI_LOW_EDGE : EARLIER_LOW_EDGE;
            case OPENAI -> job.newest ? OPENAI_PATCH_LOW_EDGE : EARLIER_LOW_EDGE;
        };
        return ImageCodec.fit(pixels, edge, edge);
    }

    /**
     * OCR runs as a process the deadline cannot check cooperatively, so it gets a timeout: half the time left, the
     * rest kept for the text stages that follow (a cut-short OCR keeps its image; the request is still compressed).
     */
    static Duration ocrBudget(Deadline deadline) {
        long left = deadline.remainingMillis();
        return left == Long.MAX_VALUE ? null : Duration.ofMillis(left / 2);
    }

    /** The engine reads the bytes as sent: no decode here (its header was checked, its size is within the limit). */
    private ImageRun.ImageResult transcode(Job job, byte[] bytes, ImageBlock.Inline inline, int before,
                                           boolean store, String scope, TokenCounter.Tokenizer tokenizer,
                                           Duration budget) {
        ImageTranscriber.Transcript t = transcriber.transcribe(bytes, budget);
        if (t == null || t.text() == null || t.text().isBlank()) {
            return job.unchanged("preserve", before); // not confidently read: the pixels answer the question
        }
        String text = "[Text read from the image]\n" + t.text().strip();
        int after = tokenizer.count(text);
        if (after >= before || !keepOriginal(job, inline, before, store, scope)) {
            return job.unchanged("preserve", before);
        }
        ObjectNode part = job.image.replaceWithText(text);
        return job.result("transcode", before, after, false, part, transform("transcode", before, after));
    }

    /** Store, then change: true when the change may be made (stored, or only measuring, or CCR off). */
    private boolean keepOriginal(Job job, ImageBlock.Inline inline, int tokens, boolean store, String scope) {
        if (!store || ccr == null) {
            return true;
        }
        String hash = ContentHash.of(inline.base64());
        if (!ccr.stored(scope, hash, new CcrEntry(inline.base64(), tokens, 1, 1, CCR_TOOL_NAME, clock.instant()))) {
            return false; // refused by the store: the image goes on as it came
        }
        job.storedHash = hash;
        return true;
    }

    static String transform(String technique, int before, int after) {
        double ratio = before <= 0 ? 1.0 : (double) after / before;
        return "image:" + technique + ":" + String.format(Locale.ROOT, "%.2f", ratio);
    }
}
