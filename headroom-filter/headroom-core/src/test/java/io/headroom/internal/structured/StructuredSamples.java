package io.headroom.internal.structured;

/** Small XML and YAML tool outputs for the unit tests (the fidelity module has the large, seeded ones). */
final class StructuredSamples {
    private StructuredSamples() {
    }

    /** A JUnit report: {@code n} passing test cases, one failing at {@code failing}. */
    static String junit(int n, int failing) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"Suite\" tests=\"")
                .append(n).append("\">\n");
        for (int i = 0; i < n; i++) {
            b.append("  <testcase name=\"case").append(i).append("\" classname=\"com.acme.SuiteTest\" time=\"0.0")
                    .append(10 + i % 80).append('"');
            if (i == failing) {
                b.append(">\n    <failure message=\"boom &amp; bust\" type=\"AssertionError\">stack at SuiteTest.java:42</failure>\n  </testcase>\n");
            } else {
                b.append("/>\n");
            }
        }
        return b.append("</testsuite>\n").toString();
    }

    /** A kubectl List of {@code n} pods, one of them crash looping at {@code crashing}. */
    static String pods(int n, int crashing) {
        StringBuilder b = new StringBuilder("apiVersion: v1\nitems:\n");
        for (int i = 0; i < n; i++) {
            b.append("- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web-").append(i).append("\n    namespace: shop\n")
                    .append("  spec:\n    containers:\n    - image: nginx:1.25\n      name: web\n")
                    .append("  status:\n    phase: Running\n    restartCount: ").append(i == crashing ? 57 : i % 2).append('\n');
            if (i == crashing) b.append("    reason: CrashLoopBackOff\n");
        }
        return b.append("kind: List\nmetadata:\n  resourceVersion: \"\"\n").toString();
    }

    /** A stream of {@code n} ConfigMap documents, each after a {@code ---} line. */
    static String configMaps(int n, int odd) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("---\n# Source: chart/templates/cm-").append(i).append(".yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-")
                    .append(i).append("\ndata:\n  mode: ").append(i == odd ? "debug-unsafe" : "normal").append("\n  size: \"")
                    .append(100 + i % 7).append("\"\n");
        }
        return b.toString();
    }
}
