package io.headroom.internal.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.CapturedLog;
import io.headroom.Endpoint;
import io.headroom.ErrorType;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.HeadroomException;
import io.headroom.LearnedPattern;
import io.headroom.Learning;
import io.headroom.LlmRequests;
import io.headroom.RequestOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback through the facade: every retrieval recorded against the tool signature its original was stored with. */
class LearningFromRetrievalsTest {
    private static final Pattern HASH = Pattern.compile("hash=([0-9a-f]{24})");

    @TempDir
    Path dir;

    private static String compressAndGetHash(Headroom headroom) {
        RequestOutcome out = headroom.process(Endpoint.OPENAI_CHAT, LlmRequests.openAiChat(), null);
        assertTrue(out.compressed());
        Matcher m = HASH.matcher(new String(out.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(m.find(), "a marker");
        return m.group(1);
    }

    @Test
    void everyRetrievalIsRecordedAgainstTheToolSignature() {
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults())) {
            String hash = compressAndGetHash(headroom);
            headroom.retrieve(hash, "checkout");
            headroom.retrieve(hash, null);
            List<LearnedPattern> patterns = headroom.learning().patterns();
            assertEquals(1, patterns.size());
            LearnedPattern p = patterns.get(0);
            assertEquals("search_logs", p.toolName());
            assertEquals(ToolSignature.of("search_logs", LlmRequests.logsText()), p.signatureHash());
            assertEquals(1, p.compressions());
            assertEquals(2, p.retrievals());
            assertEquals(1, p.searchRetrievals());
            assertEquals(1, p.fullRetrievals());
            assertEquals(List.of("checkout"), List.copyOf(p.queryTerms().keySet()));
            assertTrue(p.retrievedFields().containsKey("service"));
            assertFalse(p.hintsActive(), "two observations are far below the threshold");
            assertEquals(2, headroom.learning().stats().feedbackEvents());
            assertEquals(p, headroom.learning().pattern(p.signatureHash().substring(0, 6)).orElseThrow());
            assertEquals(List.of(p), headroom.learning().patternsForTool("search_logs"));
        }
    }

    @Test
    void anUnknownHashIsIgnoredAndCounted() {
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults())) {
            HeadroomException e = assertThrows(HeadroomException.class, () -> headroom.retrieve("0".repeat(24), null));
            assertEquals(ErrorType.NOT_FOUND, e.type());
            assertEquals(1, headroom.learning().stats().feedbackUnknown());
            assertEquals(0, headroom.learning().stats().patternsTracked());
        }
    }

    @Test
    void learningOffRecordsNothing() {
        try (Headroom headroom = Headroom.create(HeadroomConfig.builder().learning(l -> l.enabled(false)).build())) {
            headroom.retrieve(compressAndGetHash(headroom), null);
            assertSame(Learning.OFF, headroom.learning());
            assertEquals(0, headroom.learning().stats().feedbackEvents());
            assertEquals(1, headroom.learning().exportState().get("version").asInt());
            assertTrue(headroom.learning().exportState().get("patterns").isEmpty());
        }
    }

    @Test
    void theStateSurvivesARestartAndResetForgetsIt() {
        HeadroomConfig config = HeadroomConfig.builder().learning(l -> l.path(dir.resolve("toin.json"))).build();
        try (Headroom headroom = Headroom.create(config)) {
            headroom.retrieve(compressAndGetHash(headroom), "checkout");
        }
        assertTrue(Files.exists(dir.resolve("toin.json")), "saved at close");
        try (Headroom again = Headroom.create(config)) {
            LearnedPattern p = again.learning().patterns().get(0);
            assertEquals(1, p.compressions());
            assertEquals(1, p.retrievals());
            assertEquals("search_logs", p.toolName());
            again.learning().reset();
            assertEquals(List.of(), again.learning().patterns());
            assertFalse(Files.exists(dir.resolve("toin.json")), "reset removes the saved state");
        }
    }

    @Test
    void aCorruptOrOversizedStateIsSetAsideAndLearningStartsCold() throws Exception {
        for (String content : new String[] {"{not json", "[1, 2]", "{\"version\":7,\"patterns\":{}}",
                "{\"version\":1,\"patterns\":{\"" + "a".repeat(24) + "\":{\"total_compressions\":-5}}}",
                " ".repeat((int) Learners.MIN_MAX_BYTES + 1) + "{}"}) {
            Path sub = Files.createTempDirectory(dir, "s");
            Path file = sub.resolve("toin.json");
            Files.writeString(file, content);
            // one signature at most: the size bound is then the floor, 1 MB, which the third content exceeds
            HeadroomConfig config = HeadroomConfig.builder().learning(l -> l.path(file).maxSignatures(1)).build();
            try (CapturedLog log = CapturedLog.of(FileLearningStore.class);
                 Headroom headroom = Headroom.create(config)) {
                assertEquals(0, headroom.learning().stats().patternsTracked());
                assertEquals(1, log.messages(Level.WARNING).size(), "one WARN");
            }
            try (Stream<Path> files = Files.list(sub)) {
                assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("toin.json.corrupt-")).count());
            }
        }
    }

    @Test
    void exportImportsIntoAnotherInstanceAndABadDocumentChangesNothing() {
        JsonNode exported;
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults())) {
            headroom.retrieve(compressAndGetHash(headroom), "checkout");
            exported = headroom.learning().exportState();
        }
        try (Headroom other = Headroom.create(HeadroomConfig.defaults())) {
            other.learning().importState(exported);
            other.learning().importState(exported); // counts add up
            LearnedPattern p = other.learning().patterns().get(0);
            assertEquals(2, p.compressions());
            assertEquals(2, p.retrievals());
            HeadroomException e = assertThrows(HeadroomException.class,
                    () -> other.learning().importState(LlmRequests.JSON.createObjectNode().put("version", 1)
                            .set("patterns", LlmRequests.JSON.createObjectNode().put("nothex", 1))));
            assertEquals(ErrorType.VALIDATION_ERROR, e.type());
            assertEquals(2, other.learning().patterns().get(0).compressions(), "unchanged");
        }
    }
}
