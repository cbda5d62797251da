package io.headroom.fidelity;

import java.util.List;

/**
 * What the pipeline did to one case.
 *
 * @param compressedOutput the tool message's content as the model would see it
 * @param missingNeedles   needles no longer in {@code compressedOutput}; empty when every one survived
 */
public record FidelityResult(FidelityCase fidelityCase, int tokensBefore, int tokensAfter, String compressedOutput,
                             List<String> missingNeedles) {

    public double savings() {
        return tokensBefore == 0 ? 0 : 1.0 - (double) tokensAfter / tokensBefore;
    }

    public boolean meetsTarget() {
        return missingNeedles.isEmpty() && savings() + 1e-9 >= fidelityCase.minSavings();
    }
}
