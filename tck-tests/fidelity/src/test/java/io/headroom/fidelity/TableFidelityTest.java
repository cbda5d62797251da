package io.headroom.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16's targets for tabular text: every needle kept in every case; ≥ 70% saved on tables of ≥ 300 rows. */
class TableFidelityTest {

    @Test
    void everyNeedleKeptAndSavingsMet() {
        try (FidelityHarness harness = new FidelityHarness()) {
            List<FidelityResult> results = harness.runAll(TableCases.all());
            String table = FidelityHarness.report("table", results);
            System.out.println(table);
            for (FidelityResult r : results) {
                assertTrue(r.missingNeedles().isEmpty(), r.fidelityCase().name() + " lost " + r.missingNeedles()
                        + "\n" + r.compressedOutput());
                assertTrue(r.meetsTarget(), r.fidelityCase().name() + " saved only " + r.savings());
            }
        }
    }

    @Test
    void largeCasesAreAtLeastThreeHundredRowsWithATarget() {
        for (FidelityCase c : TableCases.all()) {
            long rows = c.toolOutput().lines().count();
            if (c.minSavings() > 0) assertTrue(rows >= 300, c.name() + " has " + rows + " lines");
        }
    }
}
