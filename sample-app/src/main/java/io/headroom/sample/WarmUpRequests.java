package io.headroom.sample;

import io.headroom.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Requests of the three provider shapes with the tool outputs agents send most (rows of a JSON array, a build
 * log, grep hits), made up in code so that the warm-up needs no file and never touches a real conversation.
 * Each carries an error, an outlier and a query term, so the pipeline's selection paths run, not only its
 * fast exits.
 */
final class WarmUpRequests {
    record Sample(Endpoint endpoint, byte[] body) {
    }

    private WarmUpRequests() {
    }

    static List<Sample> all() {
        return List.of(
                new Sample(Endpoint.OPENAI_CHAT, utf8(chat(rows(300)))),
                new Sample(Endpoint.ANTHROPIC_MESSAGES, utf8(messages(buildLog(300)))),
                new Sample(Endpoint.OPENAI_RESPONSES, utf8(responses(grepHits(200)))),
                new Sample(Endpoint.OPENAI_CHAT, utf8("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"hello\"}]}")));
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            String status = i == n / 3 ? "error" : "ok";
            long latency = i == 2 * n / 3 ? 98_000 : 40 + (i * 7) % 60;
            b.append(String.format(Locale.ROOT, "{\"id\":%d,\"service\":\"svc-%d\",\"status\":\"%s\","
                    + "\"latency_ms\":%d,\"region\":\"eu-west-%d\"}", i, i % 12, status, latency, i % 3));
        }
        return b.append(']').toString();
    }

    private static String buildLog(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == n / 2 ? "[ERROR] Tests run: 12, Failures: 1 in io.example.BillingTest\n"
                    : "[INFO] Compiling module-" + (i % 40) + " (" + i + " sources)\n");
        }
        return b.toString();
    }

    private static String grepHits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("src/main/java/io/example/Service").append(i % 50).append(".java:").append(10 + i)
                    .append(":    return invoice.total(); // billing ").append(i).append('\n');
        }
        return b.toString();
    }

    private static String chat(String toolOutput) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Which service has errors?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"list_services\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":" + quoted(toolOutput) + "}]}";
    }

    private static String messages(String toolOutput) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Why did the build fail?\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"toolu_1\",\"name\":\"run_build\",\"input\":{}}]},{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":" + quoted(toolOutput) + "}]}]}";
    }

    private static String responses(String toolOutput) {
        return "{\"model\":\"gpt-4.1\",\"input\":[{\"role\":\"user\",\"content\":\"Where is billing computed?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"fc_1\",\"name\":\"grep\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"fc_1\",\"output\":" + quoted(toolOutput) + "}]}";
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
