package io.headroom.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * YAML tool outputs through the whole request pipeline: every needle kept, at least 70% saved, and the output
 * still loads, each kept item equal to an item of the original.
 */
class YamlFidelityTest {

    @Test
    void everyNeedleKeptSavingsMetAndTheOutputStillLoads() {
        try (FidelityHarness harness = new FidelityHarness()) {
            List<FidelityResult> results = harness.runAll(StructuredCases.yaml());
            System.out.println(FidelityHarness.report("yaml", results));
            for (FidelityResult r : results) {
                String name = r.fidelityCase().name();
                assertTrue(r.missingNeedles().isEmpty(), name + " lost " + r.missingNeedles());
                assertTrue(r.meetsTarget(), name + " saved only " + r.savings());
                assertTrue(r.compressedOutput().contains(" omitted\n"), name + " was not compressed as YAML");
                List<Object> original = items(r.fidelityCase().toolOutput());
                List<Object> kept = items(r.compressedOutput());
                assertTrue(kept.size() < original.size(), name);
                assertTrue(original.containsAll(kept), name + ": a kept item differs from the original's");
            }
        }
    }

    @Test
    void theKubectlListKeepsItsShape() {
        try (FidelityHarness harness = new FidelityHarness()) {
            FidelityResult r = harness.run(StructuredCases.yaml().get(0));
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(r.compressedOutput());
            assertEquals("List", ((Map<?, ?>) doc).get("kind"));
            assertEquals("v1", ((Map<?, ?>) doc).get("apiVersion"));
        }
    }

    /** The items of a kubectl List, or the documents of a stream. */
    private static List<Object> items(String yaml) {
        List<Object> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(docs::add);
        if (docs.size() == 1 && docs.get(0) instanceof Map<?, ?> m && m.get("items") instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return docs;
    }
}
