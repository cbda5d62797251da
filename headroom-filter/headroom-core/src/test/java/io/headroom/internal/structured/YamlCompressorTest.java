package io.headroom.internal.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.CrusherConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class YamlCompressorTest {
    private final YamlCompressor compressor = new YamlCompressor(CrusherConfig.defaults());
    private static final CompressionContext WITH_CCR = new CompressionContext(null, "abc123", "kubectl", 5, false);

    private static Object load(String yaml) {
        return new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @Test
    void keepsTheCrashLoopingPodAndTheListAroundIt() {
        String yaml = StructuredSamples.pods(120, 77);
        Compressed c = compressor.compress(yaml, WITH_CCR);
        assertTrue(c.changed());
        String out = c.content();
        assertTrue(out.contains("- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web-77\n"), out);
        assertTrue(out.contains("    restartCount: 57\n    reason: CrashLoopBackOff\n"));
        assertTrue(out.matches("(?s).*\n# \\d+ items omitted\n.*"), out);
        assertTrue(out.endsWith("# [120 items compressed to " + c.keptUnits() + ". Retrieve more: hash=abc123]\n"), out);
        Map<?, ?> doc = (Map<?, ?>) load(out);
        assertEquals("List", doc.get("kind"));
        List<?> items = (List<?>) doc.get("items");
        assertEquals(c.keptUnits(), items.size());
        List<?> originalItems = (List<?>) ((Map<?, ?>) load(yaml)).get("items");
        assertTrue(originalItems.containsAll(items), "kept items are the original's, unchanged");
    }

    @Test
    void aLongDocumentStreamKeepsTheOddDocument() {
        String yaml = StructuredSamples.configMaps(60, 33);
        Compressed c = compressor.compress(yaml, CompressionContext.of(null));
        assertTrue(c.changed());
        assertTrue(c.content().contains("---\n# Source: chart/templates/cm-33.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-33\ndata:\n  mode: debug-unsafe\n"));
        assertTrue(c.content().contains("# " ), c.content());
        assertTrue(c.content().matches("(?s).*\n# \\d+ documents omitted\n---\n.*"), c.content());
        List<Object> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(c.content()).forEach(docs::add);
        assertEquals(c.keptUnits(), docs.size());
    }

    @Test
    void nestedSequencesOfKeptItemsAreCompressedAtTheirOwnIndentation() {
        StringBuilder b = new StringBuilder("releases:\n");
        for (int r = 0; r < 2; r++) {
            b.append("  - name: release-").append(r).append("\n    hosts:\n");
            for (int h = 0; h < 50; h++) b.append("      - host: h").append(h).append("\n        port: ").append(h == 20 + r ? 9999 : 80).append('\n');
        }
        Compressed c = compressor.compress(b.toString(), CompressionContext.of(null));
        assertTrue(c.changed());
        assertTrue(c.content().contains("\n      # "), c.content());
        assertTrue(c.content().contains("      - host: h20\n        port: 9999\n"));
        assertTrue(c.content().contains("      - host: h21\n        port: 9999\n"));
        assertNotNull(load(c.content()));
    }

    @Test
    void flowSequencesAndShortListsAreLeftAlone() {
        assertFalse(compressor.compress(StructuredSamples.pods(8, 3), WITH_CCR).changed());
        StringBuilder flow = new StringBuilder("items: [");
        for (int i = 0; i < 40; i++) flow.append(i == 0 ? "" : ", ").append("{a: ").append(i).append(", b: x}");
        assertFalse(compressor.compress(flow.append("]\n").toString(), WITH_CCR).changed());
    }

    @Test
    void crlfLineBreaksAreSlicedLikeLf() {
        String yaml = StructuredSamples.pods(60, 30).replace("\n", "\r\n");
        Compressed c = compressor.compress(yaml, CompressionContext.of(null));
        assertTrue(c.changed());
        assertTrue(c.content().contains("    restartCount: 57\r\n    reason: CrashLoopBackOff\r\n"));
        assertEquals("List", ((Map<?, ?>) load(c.content())).get("kind"));
    }
}
