package io.headroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the image stage did to one image of a {@code /v1/compress} request ({@link CompressResult#images()},
 * {@link SimulationPlan#images()}), in request order. An image whose message context management dropped
 * afterwards (to fit the token budget) is listed {@link #dropped()}, with 0 tokens after.
 *
 * @param messageIndex   index of the message holding the image
 * @param partIndex      index of the image in its message's content parts (in the {@code tool_result}'s content when
 *                       the image came back inside one)
 * @param technique      as {@link ImageTokenUsage#technique()}: {@code full_low}, {@code crop}, {@code transcode},
 *                       {@code preserve}, {@code unread} or {@code disabled}
 * @param tokensBefore   what the image costs as sent
 * @param tokensAfter    what it costs as forwarded (the text's tokens when it was replaced by text)
 * @param replacedByText true when the image was replaced by the text read from it ({@code transcode})
 * @param ccrHash        the CCR key of the original when its bytes were changed and the original stored (then
 *                       {@code retrieve(ccrHash)} gives back the original base64 byte for byte); null otherwise: not
 *                       changed, only {@code detail: "low"} set (the bytes are the original's), measured without
 *                       storing (audit, simulate), or CCR off
 * @param dropped        true when context management dropped the image's message to fit the token budget (the
 *                       whole message is then in CCR, named by the drop's marker)
 */
public record ImageOutcome(int messageIndex, int partIndex, String technique, int tokensBefore, int tokensAfter,
                           boolean replacedByText, String ccrHash, boolean dropped) {

    public int tokensSaved() {
        return tokensBefore - tokensAfter;
    }

    /** The entry of the {@code images} array: snake_case, {@code ccr_hash} only when there is one. */
    public ObjectNode toJson(ObjectNode entry) {
        entry.put("message_index", messageIndex);
        entry.put("part_index", partIndex);
        entry.put("technique", technique);
        entry.put("tokens_before", tokensBefore);
        entry.put("tokens_after", tokensAfter);
        entry.put("replaced_by_text", replacedByText);
        entry.put("dropped", dropped);
        if (ccrHash != null) {
            entry.put("ccr_hash", ccrHash);
        }
        return entry;
    }

    /**
     * Adds {@code images} (one entry per image, in request order), {@code image_tokens_before} and
     * {@code image_tokens_after} to a {@code /v1/compress} answer: an empty array and zeros when there are no images.
     */
    public static void addTo(ObjectNode answer, List<ImageOutcome> images) {
        ArrayNode list = answer.putArray("images");
        for (ImageOutcome image : images) {
            image.toJson(list.addObject());
        }
        answer.put("image_tokens_before", tokensBefore(images));
        answer.put("image_tokens_after", tokensAfter(images));
    }

    /** {@link #tokensBefore()} summed over {@code images}. */
    public static int tokensBefore(List<ImageOutcome> images) {
        return images.stream().mapToInt(ImageOutcome::tokensBefore).sum();
    }

    /** {@link #tokensAfter()} summed over {@code images}. */
    public static int tokensAfter(List<ImageOutcome> images) {
        return images.stream().mapToInt(ImageOutcome::tokensAfter).sum();
    }
}
