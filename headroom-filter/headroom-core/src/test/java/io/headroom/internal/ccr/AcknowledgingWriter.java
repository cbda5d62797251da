package io.headroom.internal.ccr;

import io.headroom.CcrConfig;
import io.headroom.CcrEntry;
import io.headroom.CcrStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child JVM of {@link CcrCrashTest}: stores originals in a loop through the store the config asks for
 * and prints "{@code <index> <hash>}" for each one the store acknowledged, until it is killed.
 */
public final class AcknowledgingWriter {
    private AcknowledgingWriter() {
    }

    /** Deterministic, so the parent can rebuild what index {@code i} stored. */
    static String original(int i) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < 20; k++) {
            sb.append(k == 0 ? "" : ",").append("{\"n\":").append(i).append(",\"k\":").append(k)
                    .append(",\"msg\":\"Schlüssel 東京 \uD83D\uDE80 line ").append(i * 31 + k).append("\"}");
        }
        return sb.append(']').toString();
    }

    static String scope(int i) {
        return i % 3 == 0 ? CcrStore.SHARED_SCOPE : "t-" + (i % 3);
    }

    public static void main(String[] args) {
        CcrConfig config = CcrConfig.builder().diskPath(Path.of(args[0])).diskSizeMb(64).build();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CcrStore store = CcrStores.create(config); // never closed: the parent kills this JVM
        for (int i = 0; i < 1_000_000; i++) {
            String original = original(i);
            String hash = ContentHash.of(original);
            if (store.put(scope(i), hash, new CcrEntry(original, 100, 20, 3, "search", Instant.EPOCH))) {
                out.println(i + " " + hash);
            }
        }
    }
}
