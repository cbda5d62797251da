package io.headroom.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.Endpoint;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.RequestOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cold start is today's behaviour, byte for byte: on every case of the conformance corpus, learning on — fresh,
 * and after observations that stay below the confidence threshold — rewrites each request exactly as learning
 * off does.
 */
class ColdStartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CASES = Path.of("..", "corpus", "cases");
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    private record Case(String name, Endpoint endpoint, byte[] body) {
    }

    private static List<Case> corpus() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode c = JSON.readTree(f.toFile());
                Endpoint endpoint = switch (c.get("endpoint").asText()) {
                    case "/v1/messages" -> Endpoint.ANTHROPIC_MESSAGES;
                    case "/v1/responses" -> Endpoint.OPENAI_RESPONSES;
                    default -> Endpoint.OPENAI_CHAT;
                };
                JsonNode request = c.get("request");
                byte[] body = request.isTextual() ? request.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : JSON.writeValueAsBytes(request);
                out.add(new Case(c.get("name").asText(), endpoint, body));
            }
        }
        assertTrue(out.size() >= 10, "the corpus is there: " + CASES.toAbsolutePath());
        return out;
    }

    @Test
    void learningOnRewritesEveryCorpusRequestAsLearningOffDoes() throws IOException {
        List<Case> cases = corpus();
        try (Headroom off = Headroom.create(HeadroomConfig.builder().learning(l -> l.enabled(false)).build());
             Headroom on = Headroom.create(HeadroomConfig.defaults())) {
            // observations below the threshold: every case compressed twice and its originals retrieved
            for (int round = 0; round < 2; round++) {
                for (Case c : cases) {
                    RequestOutcome learned = on.process(c.endpoint(), c.body(), null);
                    RequestOutcome plain = off.process(c.endpoint(), c.body(), null);
                    assertArrayEquals(plain.body(), learned.body(), c.name() + ", round " + round);
                    Matcher m = HASH.matcher(new String(learned.body(), java.nio.charset.StandardCharsets.UTF_8));
                    while (m.find()) {
                        try {
                            on.retrieve(m.group(1), round == 0 ? "error" : null);
                        } catch (HeadroomException e) {
                            // a marker-looking text in a case's content: not stored, and counted as unknown
                        }
                    }
                }
            }
            assertTrue(on.learning().stats().feedbackEvents() > 0, "retrievals were recorded");
            assertFalse(on.learning().patterns().stream().anyMatch(p -> p.hintsActive()), "all below the threshold");
        }
    }
}
