package io.headroom.internal.image.ocr;

/**
 * Reads Tesseract's {@code tsv} output: one row per page/block/paragraph/line/word; word rows (level 5) carry
 * a confidence (0..100, -1 for non-words) and the word's text. Rows that do not parse are skipped.
 */
final class TesseractTsv {
    private static final int LEVEL = 0;
    private static final int BLOCK = 2;
    private static final int PARAGRAPH = 3;
    private static final int LINE = 4;
    private static final int CONFIDENCE = 10;
    private static final int TEXT = 11;
    private static final String WORD_LEVEL = "5";

    private TesseractTsv() {
    }

    static OcrText parse(String tsv) {
        StringBuilder text = new StringBuilder();
        String lastBlock = null;
        String lastLine = null;
        int words = 0;
        double confidenceSum = 0;
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length <= TEXT || !WORD_LEVEL.equals(cells[LEVEL])) {
                continue;
            }
            String word = cells[TEXT].strip();
            double confidence;
            try {
                confidence = Double.parseDouble(cells[CONFIDENCE]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (word.isEmpty() || confidence < 0) {
                continue;
            }
            String block = cells[1] + '/' + cells[BLOCK];
            String line = block + '/' + cells[PARAGRAPH] + '/' + cells[LINE];
            if (lastLine == null) {
                // first word
            } else if (!block.equals(lastBlock)) {
                text.append("\n\n");
            } else if (!line.equals(lastLine)) {
                text.append('\n');
            } else {
                text.append(' ');
            }
            text.append(word);
            lastBlock = block;
            lastLine = line;
            words++;
            confidenceSum += confidence;
        }
        return words == 0 ? OcrText.NOTHING : new OcrText(text.toString(), words, confidenceSum / words);
    }
}
