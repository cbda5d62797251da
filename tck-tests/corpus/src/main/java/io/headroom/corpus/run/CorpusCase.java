package io.headroom.corpus.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A case file: the request a client sends to {@code endpoint} and what is expected of the gateway's answer. */
public record CorpusCase(String name, String endpoint, JsonNode request, JsonNode expect, int tokenBudget) {
    static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String CHAT = "/v1/chat/completions";

    public static CorpusCase parse(JsonNode file) {
        return new CorpusCase(file.path("name").asText(), file.path("endpoint").asText(CHAT), file.get("request"),
                file.path("expect"), file.path("token_budget").asInt(0));
    }

    /** Every {@code *.json} in {@code dir}, sorted by file name (the original checker's order). */
    public static List<CorpusCase> loadAll(Path dir) {
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                cases.add(parse(MAPPER.readTree(file.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + dir, e);
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no *.json cases in " + dir);
        }
        return cases;
    }

    boolean expects(String flag) {
        return expect.path(flag).asBoolean(false);
    }

    List<String> mustKeep() {
        List<String> needles = new ArrayList<>();
        expect.path("must_keep").forEach(n -> needles.add(n.asText()));
        return needles;
    }
}
