package io.headroom.corpus.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the conformance corpus: one {@code <name>.json} per case, the same bytes for the same seed on every run and
 * JDK. The committed files under {@code tck-tests/corpus/cases} come from {@link #SEED}; a test regenerates them and
 * fails on any difference, so the generator and the files cannot drift apart.
 *
 * <p>Regenerate after changing a case: {@code java -cp tck-tests/corpus/target/corpus-runner.jar
 * io.headroom.corpus.generate.CorpusGenerator tck-tests/corpus/cases}
 */
public final class CorpusGenerator {
    /** The corpus seed. Changing it changes every case's data (not its shape, sizes or needles' kinds). */
    public static final long SEED = 20_260_314L;

    private CorpusGenerator() {
    }

    /** File name to file content, in the catalog's order. */
    public static Map<String, String> generate(long seed) {
        Map<String, String> files = new LinkedHashMap<>();
        for (GeneratedCase c : new CorpusCatalog(seed).cases()) {
            files.put(c.name() + ".json", c.toJson());
        }
        return files;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CorpusGenerator <directory>   (the committed corpus is tck-tests/corpus/cases)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Map<String, String> files = generate(SEED);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + files.size() + " cases to " + dir);
    }
}
