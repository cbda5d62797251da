package io.headroom.host;

import io.headroom.ImageTokenUsage;
import io.headroom.RequestOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one {@code x-headroom-*} header vocabulary every host speaks. Request headers steer one request;
 * response headers tell the caller what was done to its request.
 *
 * <p>The response headers describe the body that was forwarded: {@code x-headroom-tokens-after} is the
 * size of what the upstream received, so in audit mode (and on every untouched request) it equals
 * {@code x-headroom-tokens-before} and {@code x-headroom-tokens-saved} is 0 — no header claims a saving
 * that did not happen. Audit mode's would-be savings are reported through stats and listeners instead.
 *
 * <p>Names and values follow the original proxy: {@code x-headroom-model} is the request's {@code model},
 * {@code x-headroom-transforms} the comma-joined transforms applied to the forwarded body (absent when none),
 * {@code x-headroom-compression-failed: true} only when Headroom failed (or ran out of its deadline) and forwarded
 * the original.
 */
public final class HeadroomHeaders {
    /** Request: {@code true} forwards the request untouched. */
    public static final String BYPASS = "x-headroom-bypass";
    /** Request: {@code optimize}, {@code audit} or {@code passthrough} for this request only. */
    public static final String MODE = "x-headroom-mode";
    /**
     * Response: whether a tool output was compressed or conversation turns were compressed or dropped.
     * A body that only gained provider cache hints is forwarded changed, with {@code false} here.
     */
    public static final String COMPRESSED = "x-headroom-compressed";
    /** Response: tokens of the request as the client sent it (0 when it was not analysed). */
    public static final String TOKENS_BEFORE = "x-headroom-tokens-before";
    /** Response: tokens of the request as it was forwarded. */
    public static final String TOKENS_AFTER = "x-headroom-tokens-after";
    /** Response: tokens-before minus tokens-after. */
    public static final String TOKENS_SAVED = "x-headroom-tokens-saved";
    /** Response: the request's {@code model}, when the body was analysed and named one. */
    public static final String MODEL = "x-headroom-model";
    /** Response: the transforms applied to the forwarded body, comma-joined; absent when none were. */
    public static final String TRANSFORMS = "x-headroom-transforms";
    /** Response: {@code true} when compression failed or passed its deadline and the original went on; else absent. */
    public static final String COMPRESSION_FAILED = "x-headroom-compression-failed";
    /** Response: tokens of the request's images as sent (included in tokens-before); absent without images. */
    public static final String IMAGE_TOKENS_BEFORE = "x-headroom-image-tokens-before";
    /** Response: tokens of the request's images as forwarded (included in tokens-after); absent without images. */
    public static final String IMAGE_TOKENS_AFTER = "x-headroom-image-tokens-after";
    /**
     * Response: the images per technique, comma-joined {@code technique:images:before:after}
     * (e.g. {@code full_low:2:1530:170,preserve:1:765:765}); absent without images.
     */
    public static final String IMAGE_TECHNIQUES = "x-headroom-image-techniques";

    private HeadroomHeaders() {
    }

    /** The response headers for {@code outcome}, in a stable order. */
    public static Map<String, String> of(RequestOutcome outcome) {
        if (outcome == null) {
            return untouched();
        }
        int before = outcome.tokensBefore();
        int after = outcome.bodyChanged() ? outcome.tokensAfter() : before;
        Map<String, String> headers = headers(outcome.compressed(), before, after);
        if (outcome.model() != null && headerSafe(outcome.model())) {
            headers.put(MODEL, outcome.model());
        }
        if (outcome.bodyChanged()) {
            // only what reached the upstream: audit's would-be transforms are not claimed
            String transforms = String.join(",", outcome.transformsApplied().stream()
                    .map(t -> t.replace(',', ';')).filter(HeadroomHeaders::headerSafe).toList());
            if (!transforms.isEmpty()) {
                headers.put(TRANSFORMS, transforms);
            }
        }
        if (outcome.failedOpen() || outcome.deadlineExceeded()) {
            headers.put(COMPRESSION_FAILED, "true");
        }
        putImages(headers, outcome);
        return headers;
    }

    /** The image headers; like the totals, they describe the forwarded body (audit: after equals before). */
    private static void putImages(Map<String, String> headers, RequestOutcome outcome) {
        if (outcome.images().isEmpty()) {
            return;
        }
        long before = 0;
        long after = 0;
        StringBuilder techniques = new StringBuilder();
        for (ImageTokenUsage u : outcome.images()) {
            long forwarded = outcome.bodyChanged() ? u.tokensAfter() : u.tokensBefore();
            before += u.tokensBefore();
            after += forwarded;
            techniques.append(techniques.length() == 0 ? "" : ",").append(u.technique()).append(':').append(u.images())
                    .append(':').append(u.tokensBefore()).append(':').append(forwarded);
        }
        headers.put(IMAGE_TOKENS_BEFORE, Long.toString(before));
        headers.put(IMAGE_TOKENS_AFTER, Long.toString(after));
        headers.put(IMAGE_TECHNIQUES, techniques.toString());
    }

    /** Visible ASCII and spaces only: a client-chosen model name must not break the response head. */
    private static boolean headerSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return !value.isEmpty() && value.length() <= 256;
    }

    /** The response headers of a request Headroom admitted but left alone (bypass, oversized, ...). */
    public static Map<String, String> untouched() {
        return headers(false, 0, 0);
    }

    private static Map<String, String> headers(boolean compressed, int before, int after) {
        Map<String, String> headers = new LinkedHashMap<>(8);
        headers.put(COMPRESSED, Boolean.toString(compressed));
        headers.put(TOKENS_BEFORE, Integer.toString(before));
        headers.put(TOKENS_AFTER, Integer.toString(after));
        headers.put(TOKENS_SAVED, Integer.toString(Math.max(0, before - after)));
        return headers;
    }
}
