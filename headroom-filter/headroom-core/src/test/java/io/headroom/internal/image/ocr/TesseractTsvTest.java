package io.headroom.internal.image.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TesseractTsvTest {
    private static final String HEADER =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    @Test
    void wordsLinesAndBlocksWithTheirMeanConfidence() {
        String tsv = HEADER
                + "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t\n"
                + "4\t1\t1\t1\t1\t0\t10\t10\t300\t30\t-1\t\n"
                + "5\t1\t1\t1\t1\t1\t10\t10\t100\t30\t96.5\tInvoice\n"
                + "5\t1\t1\t1\t1\t2\t120\t10\t60\t30\t91.5\t42\n"
                + "5\t1\t1\t1\t2\t1\t10\t50\t100\t30\t90\tTotal\n"
                + "5\t1\t2\t1\t1\t1\t10\t300\t100\t30\t82\tThanks\n"
                + "5\t1\t2\t1\t1\t2\t10\t300\t100\t30\t-1\t \n";
        OcrText text = TesseractTsv.parse(tsv);
        assertEquals("Invoice 42\nTotal\n\nThanks", text.text());
        assertEquals(4, text.words());
        assertEquals((96.5 + 91.5 + 90 + 82) / 4, text.meanConfidence(), 1e-9);
    }

    @Test
    void noWordsAndBrokenRowsGiveNothing() {
        assertEquals(OcrText.NOTHING, TesseractTsv.parse(HEADER + "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\tnot-a-number\tx\n"));
        assertEquals(OcrText.NOTHING, TesseractTsv.parse(""));
        assertEquals(OcrText.NOTHING, TesseractTsv.parse("garbage\nmore garbage"));
    }
}
