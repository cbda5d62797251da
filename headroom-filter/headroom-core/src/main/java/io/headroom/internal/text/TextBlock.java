package io.headroom.internal.text;

/**
 * One unit of prose the text compressor keeps or drops as a whole.
 *
 * @param text    the block's original text, without its separating blank lines
 * @param heading true for a section heading (markdown {@code #}, setext, or a short title line)
 */
public record TextBlock(String text, boolean heading) {
}
