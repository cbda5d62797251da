package io.headroom;

import java.util.List;

/**
 * What the pipeline did to one request body. {@link #body()} is the very array that was passed in
 * when nothing changed (so adapters can forward it without copying), otherwise the rewritten body.
 *
 * @param body              bytes to forward upstream
 * @param compressed        true when a tool output was compressed or conversation turns were compressed or
 *                          dropped: what {@code x-headroom-compressed} reports. A body that only gained
 *                          provider cache hints (or was only cache-aligned) is changed but not compressed.
 * @param tokensBefore      tokens of the original request (0 when not analysed)
 * @param tokensAfter       tokens of the forwarded (optimize) or would-be (audit) request
 * @param transformsApplied one {@code router:<type>:<ratio>} entry per compressed tool output, e.g. {@code router:log:0.04}
 * @param ccrHashes         CCR keys of every original stored for this request
 * @param failedOpen        true when an internal error made the pipeline forward the original
 * @param bodyChanged       true when {@code body} differs from the input (implied by {@code compressed} on
 *                          the optimize path)
 * @param deadlineExceeded  true when the compression deadline ({@code compression-deadline-ms}) passed before
 *                          the pipeline finished, so the original went on unchanged
 * @param model             the request's top-level {@code model}, null when the body was not analysed or named
 *                          none: what {@code x-headroom-model} reports
 * @param images            the request's images per technique with their tokens (included in the totals above);
 *                          empty when it had none or was not analysed
 */
public record RequestOutcome(byte[] body, boolean compressed, int tokensBefore, int tokensAfter,
                             List<String> transformsApplied, List<String> ccrHashes, boolean failedOpen,
                             boolean bodyChanged, boolean deadlineExceeded, String model,
                             List<ImageTokenUsage> images) {

    public RequestOutcome {
        transformsApplied = List.copyOf(transformsApplied);
        ccrHashes = List.copyOf(ccrHashes);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** An outcome without images. */
    public RequestOutcome(byte[] body, boolean compressed, int tokensBefore, int tokensAfter,
                          List<String> transformsApplied, List<String> ccrHashes, boolean failedOpen,
                          boolean bodyChanged, boolean deadlineExceeded, String model) {
        this(body, compressed, tokensBefore, tokensAfter, transformsApplied, ccrHashes, failedOpen, bodyChanged,
                deadlineExceeded, model, List.of());
    }

    /** An outcome whose model is not known. */
    public RequestOutcome(byte[] body, boolean compressed, int tokensBefore, int tokensAfter,
                          List<String> transformsApplied, List<String> ccrHashes, boolean failedOpen,
                          boolean bodyChanged, boolean deadlineExceeded) {
        this(body, compressed, tokensBefore, tokensAfter, transformsApplied, ccrHashes, failedOpen, bodyChanged,
                deadlineExceeded, null);
    }

    /** An outcome whose body changed exactly when something was compressed, within the deadline. */
    public RequestOutcome(byte[] body, boolean compressed, int tokensBefore, int tokensAfter,
                          List<String> transformsApplied, List<String> ccrHashes, boolean failedOpen) {
        this(body, compressed, tokensBefore, tokensAfter, transformsApplied, ccrHashes, failedOpen, compressed, false);
    }

    public int tokensSaved() {
        return Math.max(0, tokensBefore - tokensAfter);
    }

    /** The original body, untouched and unanalysed (bypass, passthrough, not an LLM request). */
    public static RequestOutcome untouched(byte[] original) {
        return new RequestOutcome(original, false, 0, 0, List.of(), List.of(), false);
    }

    /** The original body, because something inside Headroom failed. */
    public static RequestOutcome failOpen(byte[] original) {
        return new RequestOutcome(original, false, 0, 0, List.of(), List.of(), true);
    }

    /** The original body, because the compression deadline passed before the pipeline finished. */
    public static RequestOutcome overDeadline(byte[] original) {
        return new RequestOutcome(original, false, 0, 0, List.of(), List.of(), false, false, true);
    }
}
