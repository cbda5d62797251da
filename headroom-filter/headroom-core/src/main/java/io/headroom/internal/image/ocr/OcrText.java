package io.headroom.internal.image.ocr;

/**
 * What the OCR engine read: the words line by line ({@code \n} between lines, a blank line between blocks),
 * their count, and their mean confidence (0..100, Tesseract's scale).
 */
public record OcrText(String text, int words, double meanConfidence) {
    public static final OcrText NOTHING = new OcrText("", 0, 0);
}
