package io.headroom.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.CcrConfig;
import io.headroom.CcrHit;
import io.headroom.CcrStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent tier keeps every original it acknowledged through a SIGKILL: a child JVM stores
 * originals in a loop and prints each acknowledged hash; it is killed mid-traffic (SIGKILL on Linux), and
 * a store opened afterwards on the same directory must return every one of them byte-identical.
 */
class CcrCrashTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedOriginalSurvivesSigkill() throws Exception {
        Path db = dir.resolve("ccr");
        Path stderr = dir.resolve("child.err");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(), db.toString())
                .redirectError(stderr.toFile()).start();
        List<Integer> acknowledged = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = lines.readLine()) != null) {
                String[] parts = line.split(" ");
                acknowledged.add(Integer.parseInt(parts[0]));
                hashes.add(parts[1]);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-put
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
        }
        assertEquals(ACKNOWLEDGED_BEFORE_KILL, acknowledged.size(),
                "the child acknowledged enough puts; its stderr: " + Files.readString(stderr));

        CcrConfig config = CcrConfig.builder().diskPath(db).diskSizeMb(64).build();
        try (CcrStore reopened = CcrStores.create(config)) {
            int lost = 0;
            for (int k = 0; k < acknowledged.size(); k++) {
                int i = acknowledged.get(k);
                Optional<CcrHit> hit = reopened.retrieve(AcknowledgingWriter.scope(i), hashes.get(k));
                if (hit.isEmpty()) {
                    lost++;
                    continue;
                }
                assertEquals(AcknowledgingWriter.original(i), hit.get().entry().original(), "original " + i);
                assertEquals(ContentHash.of(hit.get().entry().original()), hashes.get(k));
            }
            assertEquals(0, lost, "acknowledged originals lost after SIGKILL, of " + acknowledged.size());
        }
    }
}
