package io.headroom.corpus.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the conformance corpus against the sample gateway, as a client would, and exits non-zero on any failure.
 * From the repository root, with the gateway and this module built:
 * <pre>java -jar tck-tests/corpus/target/corpus-runner.jar [--app "command"] [--corpus dir] [--log file]</pre>
 * {@code --app} defaults to the packaged gateway, {@code --corpus} to the committed corpus (tck-tests/corpus/cases).
 */
public final class CorpusRunner {
    static final String DEFAULT_APP = "java -jar sample-app/target/quarkus-app/quarkus-run.jar";
    static final String DEFAULT_CORPUS = "tck-tests/corpus/cases";

    private CorpusRunner() {
    }

    public static void main(String[] args) throws IOException {
        String app = DEFAULT_APP;
        Path corpus = Path.of(DEFAULT_CORPUS);
        Path log = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--app" -> app = required(args[i], value);
                case "--corpus" -> corpus = Path.of(required(args[i], value));
                case "--log" -> log = Path.of(required(args[i], value));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (!Files.isDirectory(corpus)) {
            usage("no corpus directory " + corpus.toAbsolutePath() + " (run from the repository root or pass --corpus)");
        }
        if (log == null) {
            log = Files.createTempFile("corpus-gateway-", ".log");
        }
        List<CorpusCase> cases = CorpusCase.loadAll(corpus);
        RunReport report;
        try (CorpusSession session = CorpusSession.start(app, log)) {
            report = session.run(cases);
        } catch (IOException e) {
            System.out.println(e.getMessage());
            System.out.println("0 passed, 1 failed");
            System.exit(1);
            return;
        }
        report.print(System.out);
        System.out.println("gateway log: " + log);
        System.exit(report.failed() == 0 ? 0 : 1);
    }

    private static String required(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar tck-tests/corpus/target/corpus-runner.jar [--app \"command that starts the"
                + " gateway\"] [--corpus dir] [--log file]");
        System.exit(2);
    }
}
