package io.headroom.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RequestOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Savings and outputs on the existing corpus unchanged" (issue 16), held by a committed expectation: every case of
 * tck-tests/corpus/cases goes through the core with the embedded defaults, as the benchmarks run it, and the
 * SHA-256 of the forwarded body and the token counts must equal the line recorded in
 * {@value #EXPECTED} — which was written on the code before the new content types.
 *
 * <p>A deliberate change of the corpus outputs rewrites the file with {@code -Dheadroom.golden.regenerate=true};
 * the diff of that file then shows in review which cases changed.
 */
class CorpusGoldenTest {
    static final String EXPECTED = "src/test/resources/golden/corpus-outputs.tsv";
    private static final Path CASES = Path.of("..", "corpus", "cases");
    private static final String HEADER = "# case\tendpoint\tcompressed\ttokens_before\ttokens_after\tsha256_of_body";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCorpusCaseGivesTheRecordedOutputAndTokens() throws IOException {
        List<String> actual = new ArrayList<>();
        actual.add(HEADER);
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults())) {
            for (Path file : caseFiles()) {
                JsonNode entry = JSON.readTree(file.toFile());
                Endpoint endpoint = Endpoint.forPath(entry.path("endpoint").asText(Endpoint.OPENAI_CHAT.path()))
                        .orElseThrow();
                RequestOutcome outcome = headroom.process(endpoint, JSON.writeValueAsBytes(entry.get("request")), null);
                assertFalse(outcome.failedOpen(), entry.path("name").asText() + " failed open");
                actual.add(String.join("\t", entry.path("name").asText(), endpoint.path(),
                        Boolean.toString(outcome.compressed()), Integer.toString(outcome.tokensBefore()),
                        Integer.toString(outcome.tokensAfter()), sha256(outcome.body())));
            }
        }
        Path expected = Path.of(EXPECTED);
        if (Boolean.getBoolean("headroom.golden.regenerate")) {
            Files.createDirectories(expected.getParent());
            Files.write(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", Files.readAllLines(expected, StandardCharsets.UTF_8)), String.join("\n", actual),
                "corpus outputs changed; if that is intended, rerun with -Dheadroom.golden.regenerate=true and review "
                        + "the diff of " + EXPECTED);
    }

    private static List<Path> caseFiles() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            if (sorted.isEmpty()) throw new IllegalStateException("no corpus cases in " + CASES.toAbsolutePath());
            return sorted;
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
