package io.headroom.testimages;

import java.util.Arrays;
import java.util.Locale;

/** How much of a known text OCR read back, for the OCR tests and the image benchmark. */
public final class OcrAccuracy {
    private OcrAccuracy() {
    }

    /** Share of the expected words found, in order (longest common subsequence of lower-cased words); 1 for none. */
    public static double wordAccuracy(String expected, String actual) {
        String[] want = words(expected);
        String[] got = words(actual);
        int[][] lcs = new int[want.length + 1][got.length + 1];
        for (int i = 1; i <= want.length; i++) {
            for (int j = 1; j <= got.length; j++) {
                lcs[i][j] = want[i - 1].equals(got[j - 1]) ? lcs[i - 1][j - 1] + 1 : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        return want.length == 0 ? 1 : (double) lcs[want.length][got.length] / want.length;
    }

    private static String[] words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }
}
