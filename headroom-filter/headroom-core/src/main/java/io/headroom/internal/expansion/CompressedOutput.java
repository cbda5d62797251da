package io.headroom.internal.expansion;

/**
 * One tool output of the current request whose original went to CCR under {@code hash}, and the text that
 * replaced it: what the Context Tracker learns from each request.
 */
public record CompressedOutput(String hash, String toolName, String original, String compressed) {
}
