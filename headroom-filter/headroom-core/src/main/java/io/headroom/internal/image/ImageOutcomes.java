package io.headroom.internal.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Endpoint;
import io.headroom.ImageOutcome;
import io.headroom.internal.ccr.ContentHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The public per-image view of an {@link ImageRun} for a {@code /v1/compress} answer.
 *
 * <p>An image's CCR key is the hash of its original base64, which the run no longer holds once the payload was
 * replaced; {@code /v1/compress} keeps the caller's messages unchanged, so the originals are found again there (the
 * same images in the same order: only later stages drop messages) and a changed image's hash is named when the run
 * stored it. Hashing happens only when the run stored image originals.
 */
public final class ImageOutcomes {

    private ImageOutcomes() {
    }

    /**
     * @param run              what the image stage did
     * @param endpoint         the request's shape
     * @param originalMessages the messages as the caller sent them (not modified)
     */
    public static List<ImageOutcome> of(ImageRun run, Endpoint endpoint, ArrayNode originalMessages) {
        List<ImageRun.ImageResult> results = run.results();
        if (results.isEmpty()) {
            return List.of();
        }
        List<ImageBlock> originals = run.ccrHashes().isEmpty() ? List.of() : originals(endpoint, originalMessages);
        Set<String> stored = new HashSet<>(run.ccrHashes());
        List<ImageOutcome> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            ImageRun.ImageResult r = results.get(i);
            ImageBlock original = i < originals.size() ? originals.get(i) : null;
            out.add(new ImageOutcome(r.messageIndex(), r.partIndex(), r.technique(), r.tokensBefore(), r.tokensAfter(),
                    !r.stillImage(), storedHash(r, original, stored)));
        }
        return List.copyOf(out);
    }

    private static List<ImageBlock> originals(Endpoint endpoint, ArrayNode messages) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set(endpoint == Endpoint.OPENAI_RESPONSES ? "input" : "messages", messages); // read only
        return ImageBlocks.find(endpoint, root).images();
    }

    /** The key of {@code r}'s stored original, or null when it was not changed or its original not stored. */
    private static String storedHash(ImageRun.ImageResult r, ImageBlock original, Set<String> stored) {
        if (r.transform() == null || original == null || original.messageIndex() != r.messageIndex()
                || original.partIndex() != r.partIndex()) {
            return null;
        }
        ImageBlock.Inline inline = original.inline();
        if (inline == null) {
            return null;
        }
        String hash = ContentHash.of(inline.base64());
        return stored.contains(hash) ? hash : null;
    }
}
