package io.headroom.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.corpus.generate.CorpusGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed corpus is exactly what the generator writes from its seed, so neither can change alone. */
class GeneratedCorpusIsCommittedTest {
    private static final Path CASES = Path.of(System.getProperty("headroom.corpus.cases", "cases"));
    private static final String REGENERATE = "; regenerate with: java -cp tck-tests/corpus/target/corpus-runner.jar "
            + "io.headroom.corpus.generate.CorpusGenerator tck-tests/corpus/cases";

    @Test
    void committedFilesAreTheGeneratorsOutputByteForByte() throws IOException {
        Map<String, String> generated = CorpusGenerator.generate(CorpusGenerator.SEED);
        try (Stream<Path> files = Files.list(CASES)) {
            assertEquals(new TreeSet<>(generated.keySet()),
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                            .collect(Collectors.toCollection(TreeSet::new)),
                    "case files in " + CASES + REGENERATE);
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            String committed = Files.readString(CASES.resolve(file.getKey()), StandardCharsets.UTF_8);
            assertTrue(committed.equals(file.getValue()), file.getKey() + " differs from the generator's output" + REGENERATE);
        }
    }

    @Test
    void generationIsDeterministicAndTheSeedMatters() {
        assertEquals(CorpusGenerator.generate(CorpusGenerator.SEED), CorpusGenerator.generate(CorpusGenerator.SEED));
        assertNotEquals(CorpusGenerator.generate(CorpusGenerator.SEED).get("json_logs_100.json"),
                CorpusGenerator.generate(CorpusGenerator.SEED + 1).get("json_logs_100.json"));
    }

    @Test
    void everyNeedleIsInItsRequestAndEveryCaseSaysWhatItExpects() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (Map.Entry<String, String> file : CorpusGenerator.generate(CorpusGenerator.SEED).entrySet()) {
            JsonNode c = mapper.readTree(file.getValue());
            String request = c.get("request").toString();
            JsonNode expect = c.get("expect");
            assertTrue(expect.path("unchanged").asBoolean() || expect.path("must_keep").size() > 0,
                    file.getKey() + " expects nothing");
            for (JsonNode needle : expect.path("must_keep")) {
                String text = mapper.writeValueAsString(needle.asText());
                assertTrue(request.contains(text.substring(1, text.length() - 1)),
                        file.getKey() + ": needle not in the request: " + needle);
            }
            assertFalse(c.path("name").asText().isEmpty());
            assertEquals(file.getKey(), c.path("name").asText() + ".json");
        }
    }
}
