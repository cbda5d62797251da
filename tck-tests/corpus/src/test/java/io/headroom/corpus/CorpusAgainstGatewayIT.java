package io.headroom.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.corpus.run.CaseResult;
import io.headroom.corpus.run.CorpusCase;
import io.headroom.corpus.run.CorpusSession;
import io.headroom.corpus.run.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed corpus against the packaged sample gateway (sample-app/target/quarkus-app), started as a process
 * against a stub upstream exactly as {@code java -jar tck-tests/corpus/target/corpus-runner.jar} does by hand.
 */
class CorpusAgainstGatewayIT {
    private static final Path CASES = Path.of(System.getProperty("headroom.corpus.cases", "cases"));
    private static final Path GATEWAY_JAR = Path.of(System.getProperty("headroom.corpus.gatewayJar",
            "../../sample-app/target/quarkus-app/quarkus-run.jar"));
    private static final Path LOG = Path.of(System.getProperty("headroom.corpus.log", "target/corpus-gateway.log"));

    private static CorpusSession session;

    @BeforeAll
    static void startGateway() throws IOException {
        assertTrue(Files.isRegularFile(GATEWAY_JAR), "no packaged gateway at " + GATEWAY_JAR.toAbsolutePath()
                + " (build sample-app with package or verify)");
        Files.createDirectories(LOG.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        session = CorpusSession.start("exec '" + java + "' -jar '" + GATEWAY_JAR.toAbsolutePath() + "'", LOG);
    }

    @AfterAll
    static void stopGateway() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void everyCaseAndTheStreamPass() {
        List<CorpusCase> cases = CorpusCase.loadAll(CASES);
        RunReport report = session.run(cases);
        String printed = print(report);
        System.out.print(printed);
        assertEquals(0, report.failed(), printed);
        assertEquals(cases.size() + 1, report.passed(), "every case plus the streaming check: " + printed);
        assertTrue(report.totalTokensAfter() < report.totalTokensBefore() / 2, printed);
        assertTrue(printed.endsWith(report.passed() + " passed, 0 failed\n"), printed);
    }

    /** The runner is only worth its green if it turns red: a needle that is not there and a floor out of reach. */
    @Test
    void aCaseTheGatewayCannotSatisfyFails() {
        CorpusCase logs = CorpusCase.loadAll(CASES).stream().filter(c -> c.name().equals("json_logs_100"))
                .findFirst().orElseThrow();
        ObjectNode expect = logs.expect().deepCopy();
        expect.putArray("must_keep").add("a needle that is in no request");
        expect.put("min_savings", 100);
        CorpusCase impossible = new CorpusCase(logs.name(), logs.endpoint(), logs.request(), expect, 0);
        RunReport report = session.run(List.of(impossible));
        CaseResult result = report.results().get(0);
        assertFalse(result.passed());
        assertTrue(result.failures().contains("compressed messages lost 'a needle that is in no request'"),
                result.failures().toString());
        assertTrue(result.failures().contains("gateway forwarded a body that lost 'a needle that is in no request'"),
                result.failures().toString());
        assertTrue(result.failures().stream().anyMatch(f -> f.startsWith("saved ") && f.endsWith("< 100%")),
                result.failures().toString());
        assertEquals(1, report.failed());
        assertTrue(print(report).endsWith("1 passed, 1 failed\n"), "the stream check still passes");
    }

    private static String print(RunReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
