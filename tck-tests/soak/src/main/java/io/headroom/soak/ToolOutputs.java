package io.headroom.soak;

/**
 * Realistic, compressible tool outputs, deterministic in {@code variant} so a run holds a bounded set of
 * distinct originals (the CCR store's capacity is not what the soak measures). Each hides one needle
 * (an error row, an ERROR log line, the one matching file) that compression must keep.
 */
final class ToolOutputs {
    private ToolOutputs() {
    }

    /** A JSON array of service rows (SmartCrusher's input), about 2.5k tokens. */
    static String jsonRows(int variant) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(variant * 100 + i).append(",\"service\":\"svc-")
                    .append(i % 5).append("\",\"status\":\"").append(i == variant % 60 ? "error" : "ok")
                    .append("\",\"latency_ms\":").append((variant * 31 + i * 7) % 400).append(",\"region\":\"eu-")
                    .append(variant % 3).append("\",\"message\":\"").append(i == variant % 60
                            ? "PaymentGatewayTimeout after 30000 ms" : "request served").append("\"}");
        }
        return b.append(']').toString();
    }

    /** A build log: 300 routine lines and one failure. */
    static String buildLog(int variant) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            if (i == 150 + variant % 100) {
                b.append("[ERROR] Tests run: 41, Failures: 1 in io.example.Module").append(variant)
                        .append("Test.shouldSettle:88 expected:<SETTLED> but was:<PENDING>\n");
            } else {
                b.append("[INFO] ").append(String.format("%02d:%02d:%02d", 10 + i / 3600, (i / 60) % 60, i % 60))
                        .append(" Compiling module-").append(i % 17).append(" (").append(variant * 7 + i)
                        .append(" source files) to target/classes\n");
            }
        }
        return b.toString();
    }

    /** grep-style search results: 200 hits, one of them in the file the user asked about. */
    static String searchResults(int variant) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String file = i == variant % 200 ? "src/main/java/io/example/LedgerReconciler.java"
                    : "src/main/java/io/example/pkg" + (i % 13) + "/Service" + i + ".java";
            b.append(file).append(':').append(10 + (variant + i) % 500).append(":    return client.fetch(\"order-")
                    .append(variant * 1000 + i).append("\", timeoutMillis);\n");
        }
        return b.toString();
    }
}
