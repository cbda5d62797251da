package io.headroom.internal.route;

import io.headroom.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The detection test set (issue 16 item 4): per content type at least {@value #PER_TYPE} tool outputs generated
 * from a fixed seed, shaped like what agents get, half of them near-misses of another type (prose with commas,
 * logs with {@code key: value}, markdown lists, code laid out like a table, XHTML, JSON lines ...). Each sample
 * carries the type a careful reader would give it.
 */
final class DetectionSamples {
    static final int PER_TYPE = 50;

    /** @param id stable name, {@code <type>/<family>-<n>}; {@code family} names the shape or the near-miss */
    record Sample(String id, ContentType expected, String text) {
    }

    private static final String[] WORDS = {"invoice", "ledger", "payment", "customer", "order", "refund", "shipment",
            "account", "tenant", "session", "report", "queue", "worker", "cache", "index", "region", "cluster"};
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};

    private DetectionSamples() {
    }

    static List<Sample> all() {
        Random r = new Random(1616);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < PER_TYPE; i++) {
            out.add(json(r, i));
            out.add(code(r, i));
            out.add(search(r, i));
            out.add(log(r, i));
            out.add(diff(r, i));
            out.add(html(r, i));
            out.add(table(r, i));
            out.add(xml(r, i));
            out.add(yaml(r, i));
            out.add(text(r, i));
        }
        return out;
    }

    private static Sample sample(ContentType type, String family, int i, String text) {
        return new Sample(type.name().toLowerCase() + "/" + family + "-" + i, type, text);
    }

    // ---- JSON -----------------------------------------------------------------------------------

    private static Sample json(Random r, int i) {
        int n = 5 + r.nextInt(30);
        StringBuilder b = new StringBuilder();
        switch (i % 5) {
            case 0 -> { // array of records, one line
                b.append('[');
                for (int k = 0; k < n; k++) {
                    if (k > 0) b.append(',');
                    b.append("{\"id\":").append(k).append(",\"name\":\"").append(pick(r, NAMES)).append("\",\"amount\":")
                            .append(r.nextInt(900)).append(".").append(r.nextInt(90) + 10).append('}');
                }
                return sample(ContentType.JSON, "array", i, b.append(']').toString());
            }
            case 1 -> { // pretty-printed object with nested array
                b.append("{\n  \"status\": \"ok\",\n  \"items\": [\n");
                for (int k = 0; k < n; k++) {
                    b.append("    {\"").append(pick(r, WORDS)).append("\": ").append(r.nextInt(1000)).append('}')
                            .append(k + 1 < n ? ",\n" : "\n");
                }
                return sample(ContentType.JSON, "pretty", i, b.append("  ]\n}\n").toString());
            }
            case 2 -> { // an API error body: short, key: value-ish when read as text
                return sample(ContentType.JSON, "error-object", i, "{\"error\": {\"type\": \"invalid_request\", "
                        + "\"message\": \"field '" + pick(r, WORDS) + "' is required\", \"code\": " + (400 + r.nextInt(30)) + "}}");
            }
            case 3 -> { // leading whitespace and numbers only
                b.append("\n   [");
                for (int k = 0; k < n; k++) b.append(k > 0 ? ", " : "").append(r.nextInt(10000) / 100.0);
                return sample(ContentType.JSON, "numbers", i, b.append("]\n").toString());
            }
            default -> { // deeply nested config-like object
                b.append("{\"service\": {\"name\": \"").append(pick(r, WORDS)).append("\", \"replicas\": ")
                        .append(1 + r.nextInt(9)).append(", \"env\": {");
                for (int k = 0; k < n; k++) {
                    b.append(k > 0 ? ", " : "").append("\"VAR_").append(k).append("\": \"").append(pick(r, WORDS)).append('"');
                }
                return sample(ContentType.JSON, "nested", i, b.append("}}}").toString());
            }
        }
    }

    // ---- CODE -----------------------------------------------------------------------------------

    private static Sample code(Random r, int i) {
        String w = pick(r, WORDS);
        String cls = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        StringBuilder b = new StringBuilder();
        switch (i % 5) {
            case 0 -> {
                b.append("package com.acme.").append(w).append(";\n\nimport java.util.List;\nimport java.util.Map;\n\n")
                        .append("public final class ").append(cls).append("Service {\n");
                for (int k = 0; k < 4 + r.nextInt(5); k++) {
                    b.append("    public int compute").append(k).append("(List<Integer> xs) {\n")
                            .append("        int total = 0;\n        for (int x : xs) {\n            total += x * ")
                            .append(k + 1).append(";\n        }\n        return total;\n    }\n\n");
                }
                return sample(ContentType.CODE, "java", i, b.append("}\n").toString());
            }
            case 1 -> {
                b.append("import os\nfrom typing import List\n\n\nclass ").append(cls).append("Repository:\n");
                for (int k = 0; k < 4 + r.nextInt(5); k++) {
                    b.append("    def load_").append(k).append("(self, ids: List[int]) -> dict:\n")
                            .append("        result = {}\n        for i in ids:\n            result[i] = self.fetch(i)\n")
                            .append("        return result\n\n");
                }
                return sample(ContentType.CODE, "python", i, b.toString());
            }
            case 2 -> { // near-miss: code laid out like a table (aligned constants)
                b.append("public enum ").append(cls).append("Status {\n");
                for (int k = 0; k < 8 + r.nextInt(10); k++) {
                    b.append(String.format("    %-14s(%4d, \"%-10s\", %5b),%n", "S_" + k, 100 + k, pick(r, WORDS), r.nextBoolean()));
                }
                b.append("    ;\n\n    private final int code;\n    private final String label;\n}\n");
                return sample(ContentType.CODE, "tabular-enum", i, b.toString());
            }
            case 3 -> {
                b.append("package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\n");
                for (int k = 0; k < 3 + r.nextInt(4); k++) {
                    b.append("func handle").append(cls).append(k).append("(w http.ResponseWriter, r *http.Request) {\n")
                            .append("\tif r.Method != http.MethodGet {\n\t\thttp.Error(w, \"method\", 405)\n\t\treturn\n\t}\n")
                            .append("\tfmt.Fprintf(w, \"ok %d\", ").append(k).append(")\n}\n\n");
                }
                return sample(ContentType.CODE, "go", i, b.toString());
            }
            default -> {
                b.append("import { useState } from 'react';\n\nexport function ").append(cls).append("List({ items }) {\n")
                        .append("  const [filter, setFilter] = useState('');\n");
                for (int k = 0; k < 4 + r.nextInt(5); k++) {
                    b.append("  const v").append(k).append(" = items.filter((x) => x.kind === '").append(pick(r, WORDS))
                            .append("');\n");
                }
                b.append("  return null;\n}\n");
                return sample(ContentType.CODE, "typescript", i, b.toString());
            }
        }
    }

    // ---- SEARCH ---------------------------------------------------------------------------------

    private static Sample search(Random r, int i) {
        StringBuilder b = new StringBuilder();
        String w = pick(r, WORDS);
        int n = 8 + r.nextInt(40);
        for (int k = 0; k < n; k++) {
            String file = "src/" + pick(r, WORDS) + "/" + pick(r, WORDS) + (i % 2 == 0 ? ".py" : ".ts");
            int line = 1 + r.nextInt(900);
            if (i % 5 == 4) { // near-miss: matched text with commas and colons, like prose
                b.append(file).append(':').append(line).append(":    # TODO: ").append(w)
                        .append(", then retry: see ticket ").append(r.nextInt(9000)).append('\n');
            } else if (i % 5 == 3) { // grep -rn with column (ripgrep --vimgrep)
                b.append(file).append(':').append(line).append(':').append(1 + r.nextInt(40)).append(":    ")
                        .append(w).append("_total = compute(").append(k).append(")\n");
            } else {
                b.append(file).append(':').append(line).append(":    def ").append(w).append('_').append(k)
                        .append("(self):\n");
            }
        }
        return sample(ContentType.SEARCH, i % 5 == 4 ? "prose-matches" : i % 5 == 3 ? "vimgrep" : "grep-n", i, b.toString());
    }

    // ---- LOG ------------------------------------------------------------------------------------

    private static Sample log(Random r, int i) {
        StringBuilder b = new StringBuilder();
        int n = 15 + r.nextInt(60);
        switch (i % 5) {
            case 0 -> {
                for (int k = 0; k < n; k++) {
                    b.append("2024-05-0").append(1 + r.nextInt(9)).append("T10:").append(10 + r.nextInt(49)).append(':')
                            .append(10 + r.nextInt(49)).append(".123Z ").append(pick(r, LEVELS)).append(" [")
                            .append(pick(r, WORDS)).append("-worker-").append(r.nextInt(8)).append("] ")
                            .append("processed ").append(pick(r, WORDS)).append(" in ").append(r.nextInt(900)).append("ms\n");
                }
                return sample(ContentType.LOG, "app", i, b.toString());
            }
            case 1 -> { // near-miss: key: value pairs on every line
                for (int k = 0; k < n; k++) {
                    b.append("2024-05-01 10:").append(10 + r.nextInt(49)).append(":").append(10 + r.nextInt(49))
                            .append(' ').append(pick(r, LEVELS)).append(" request done status: ").append(r.nextBoolean() ? 200 : 503)
                            .append(" path: /api/").append(pick(r, WORDS)).append(" latency: ").append(r.nextInt(900)).append("ms\n");
                }
                return sample(ContentType.LOG, "key-value", i, b.toString());
            }
            case 2 -> {
                b.append("[INFO] Scanning for projects...\n[INFO] Building ").append(pick(r, WORDS)).append(" 1.0.0\n");
                for (int k = 0; k < n; k++) {
                    b.append("[INFO] Compiling ").append(r.nextInt(90)).append(" source files to target/classes\n");
                }
                b.append("[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0\n[INFO] BUILD FAILURE\n");
                return sample(ContentType.LOG, "maven", i, b.toString());
            }
            case 3 -> { // near-miss: JSON lines (one JSON object per line is not one JSON value)
                for (int k = 0; k < n; k++) {
                    b.append("{\"ts\":\"2024-05-01T10:").append(10 + r.nextInt(49)).append(":00Z\",\"level\":\"")
                            .append(pick(r, LEVELS).toLowerCase()).append("\",\"msg\":\"").append(pick(r, WORDS))
                            .append(" handled\",\"ms\":").append(r.nextInt(900)).append("}\n");
                }
                return sample(ContentType.LOG, "json-lines", i, b.toString());
            }
            default -> {
                b.append("============================= test session starts ==============================\n");
                for (int k = 0; k < n; k++) {
                    b.append("tests/test_").append(pick(r, WORDS)).append(".py::test_case_").append(k)
                            .append(k % 17 == 3 ? " FAILED" : " PASSED").append(" [").append(k * 100 / n).append("%]\n");
                }
                b.append("=========================== 1 failed, ").append(n - 1).append(" passed in 3.21s ===========================\n");
                return sample(ContentType.LOG, "pytest", i, b.toString());
            }
        }
    }

    // ---- DIFF -----------------------------------------------------------------------------------

    private static Sample diff(Random r, int i) {
        StringBuilder b = new StringBuilder();
        int files = 1 + r.nextInt(6);
        boolean plain = i % 5 == 3; // diff -u without git's header
        boolean bare = i % 5 == 4; // a bare hunk, as a tool quoting a change prints it
        for (int f = 0; f < files; f++) {
            String path = "src/" + pick(r, WORDS) + "/" + pick(r, WORDS) + ".py";
            if (!bare) {
                if (!plain) b.append("diff --git a/").append(path).append(" b/").append(path).append("\nindex 3f2a1b0..9c8d7e6 100644\n");
                b.append("--- a/").append(path).append("\n+++ b/").append(path).append('\n');
            }
            int at = 1 + r.nextInt(200);
            b.append("@@ -").append(at).append(",7 +").append(at).append(",7 @@ def handler():\n");
            b.append("     total = 0\n     for item in items:\n         total += item.amount\n");
            b.append("-    return total\n+    return round(total, 2)\n");
            b.append("     # end\n \n     log.info('done')\n");
            if (bare) break;
        }
        return sample(ContentType.DIFF, bare ? "bare-hunk" : plain ? "diff-u" : "git", i, b.toString());
    }

    // ---- HTML -----------------------------------------------------------------------------------

    private static Sample html(Random r, int i) {
        StringBuilder b = new StringBuilder();
        int n = 5 + r.nextInt(20);
        if (i % 5 == 4) { // near-miss: XHTML, an XML declaration first
            b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" ")
                    .append("\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n")
                    .append("<head><title>").append(pick(r, WORDS)).append("</title></head>\n<body>\n");
        } else if (i % 5 == 3) { // a fragment, no html/body
            b.append("<div class=\"release-notes\">\n");
        } else {
            b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").append(pick(r, WORDS))
                    .append("</title></head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n");
        }
        for (int k = 0; k < n; k++) {
            b.append("<section><h2>").append(pick(r, WORDS)).append(' ').append(k).append("</h2><p>The ").append(pick(r, WORDS))
                    .append(" changed, see <a href=\"/docs/").append(k).append("\">the docs</a>.</p></section>\n");
        }
        b.append(i % 5 == 3 ? "</div>\n" : "</body>\n</html>\n");
        return sample(ContentType.HTML, i % 5 == 4 ? "xhtml" : i % 5 == 3 ? "fragment" : "page", i, b.toString());
    }

    // ---- TABLE ----------------------------------------------------------------------------------

    private static Sample table(Random r, int i) {
        StringBuilder b = new StringBuilder();
        int n = 8 + r.nextInt(60);
        switch (i % 6) {
            case 0 -> {
                b.append("id,customer,amount,status,created_at\n");
                for (int k = 0; k < n; k++) {
                    b.append(1000 + k).append(",\"").append(pick(r, NAMES)).append(", ").append(pick(r, WORDS)).append("\",")
                            .append(r.nextInt(900)).append('.').append(10 + r.nextInt(89)).append(',')
                            .append(r.nextInt(9) == 0 ? "failed" : "ok").append(",2024-05-0").append(1 + r.nextInt(9)).append('\n');
                }
                return sample(ContentType.TABLE, "csv", i, b.toString());
            }
            case 1 -> {
                b.append("host\tcpu\tmem_mb\tregion\n");
                for (int k = 0; k < n; k++) {
                    b.append("node-").append(k).append('\t').append(r.nextInt(100)).append('\t').append(512 + r.nextInt(8000))
                            .append('\t').append(pick(r, new String[] {"eu-west-1", "us-east-1"})).append('\n');
                }
                return sample(ContentType.TABLE, "tsv", i, b.toString());
            }
            case 2 -> {
                b.append("| service | version | replicas | status |\n|---|---|---:|---|\n");
                for (int k = 0; k < n; k++) {
                    b.append("| ").append(pick(r, WORDS)).append("-").append(k).append(" | 1.").append(r.nextInt(20)).append(".")
                            .append(r.nextInt(9)).append(" | ").append(1 + r.nextInt(5)).append(" | ")
                            .append(r.nextInt(11) == 0 ? "degraded" : "healthy").append(" |\n");
                }
                return sample(ContentType.TABLE, "markdown", i, b.toString());
            }
            case 3 -> {
                b.append("NAME                              READY   STATUS    RESTARTS   AGE\n");
                for (int k = 0; k < n; k++) {
                    b.append(String.format("%-33s %-7s %-9s %-10d %dd%n", pick(r, WORDS) + "-" + Integer.toHexString(r.nextInt(1 << 20)),
                            "1/1", r.nextInt(13) == 0 ? "CrashLoopBackOff" : "Running", r.nextInt(4), 1 + r.nextInt(30)));
                }
                return sample(ContentType.TABLE, "kubectl", i, b.toString());
            }
            case 4 -> {
                b.append(" id  | customer | balance  | plan\n-----+----------+----------+--------\n");
                for (int k = 0; k < n; k++) {
                    b.append(String.format(" %3d | %-8s | %8.2f | %s%n", k, pick(r, NAMES), r.nextInt(100000) / 100.0,
                            pick(r, new String[] {"free", "pro", "team"})));
                }
                b.append("(").append(n).append(" rows)\n");
                return sample(ContentType.TABLE, "psql", i, b.toString());
            }
            default -> {
                b.append("Filesystem      Size  Used Avail Use% Mounted on\n");
                for (int k = 0; k < n; k++) {
                    b.append(String.format("/dev/sd%c%-8d %4dG %4dG %4dG %3d%% /mnt/%s%d%n", (char) ('a' + k % 20), k,
                            100 + r.nextInt(900), r.nextInt(100), r.nextInt(100), r.nextInt(100), pick(r, WORDS), k));
                }
                return sample(ContentType.TABLE, "df", i, b.toString());
            }
        }
    }

    // ---- XML ------------------------------------------------------------------------------------

    private static Sample xml(Random r, int i) {
        StringBuilder b = new StringBuilder();
        int n = 5 + r.nextInt(40);
        switch (i % 4) {
            case 0 -> {
                b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n")
                        .append("  <soap:Body>\n    <GetOrdersResponse xmlns=\"urn:acme:orders\">\n");
                for (int k = 0; k < n; k++) {
                    b.append("      <Order><Id>").append(5000 + k).append("</Id><Customer>").append(pick(r, NAMES))
                            .append("</Customer><Total>").append(r.nextInt(900)).append(".00</Total></Order>\n");
                }
                b.append("    </GetOrdersResponse>\n  </soap:Body>\n</soap:Envelope>\n");
                return sample(ContentType.XML, "soap", i, b.toString());
            }
            case 1 -> {
                b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"").append(pick(r, WORDS))
                        .append("Test\" tests=\"").append(n).append("\" failures=\"1\">\n");
                for (int k = 0; k < n; k++) {
                    b.append("  <testcase classname=\"com.acme.").append(pick(r, WORDS)).append("Test\" name=\"case").append(k)
                            .append("\" time=\"0.0").append(r.nextInt(9)).append("\"/>\n");
                }
                return sample(ContentType.XML, "junit", i, b.append("</testsuite>\n").toString());
            }
            case 2 -> { // no declaration: a bare element tree (an API answer)
                b.append("<catalog>\n");
                for (int k = 0; k < n; k++) {
                    b.append("  <item sku=\"SKU-").append(k).append("\">\n    <name>").append(pick(r, WORDS))
                            .append("</name>\n    <price currency=\"EUR\">").append(r.nextInt(300)).append("</price>\n  </item>\n");
                }
                return sample(ContentType.XML, "bare", i, b.append("</catalog>\n").toString());
            }
            default -> {
                b.append("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>").append(pick(r, WORDS)).append("</title>\n");
                for (int k = 0; k < n; k++) {
                    b.append("<item><title>").append(pick(r, WORDS)).append(" release ").append(k).append("</title><link>https://example.org/")
                            .append(k).append("</link><pubDate>Mon, 0").append(1 + r.nextInt(9)).append(" Apr 2024</pubDate></item>\n");
                }
                return sample(ContentType.XML, "rss", i, b.append("</channel></rss>\n").toString());
            }
        }
    }

    // ---- YAML -----------------------------------------------------------------------------------

    private static Sample yaml(Random r, int i) {
        StringBuilder b = new StringBuilder();
        int n = 3 + r.nextInt(20);
        switch (i % 4) {
            case 0 -> {
                b.append("apiVersion: v1\nitems:\n");
                for (int k = 0; k < n; k++) {
                    b.append("- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: ").append(pick(r, WORDS)).append('-').append(k)
                            .append("\n    namespace: default\n  status:\n    phase: ").append(r.nextInt(9) == 0 ? "Failed" : "Running")
                            .append("\n    restartCount: ").append(r.nextInt(5)).append('\n');
                }
                return sample(ContentType.YAML, "kubectl", i, b.append("kind: List\nmetadata:\n  resourceVersion: \"\"\n").toString());
            }
            case 1 -> { // multi-document stream (helm template)
                for (int k = 0; k < n; k++) {
                    b.append("---\n# Source: chart/templates/").append(pick(r, WORDS)).append(".yaml\napiVersion: apps/v1\nkind: Deployment\n")
                            .append("metadata:\n  name: ").append(pick(r, WORDS)).append('-').append(k)
                            .append("\nspec:\n  replicas: ").append(1 + r.nextInt(4)).append('\n');
                }
                return sample(ContentType.YAML, "helm-stream", i, b.toString());
            }
            case 2 -> {
                b.append("name: ci\non:\n  push:\n    branches: [main]\njobs:\n");
                for (int k = 0; k < n; k++) {
                    b.append("  job").append(k).append(":\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n")
                            .append("      - run: make ").append(pick(r, WORDS)).append('\n');
                }
                return sample(ContentType.YAML, "workflow", i, b.toString());
            }
            default -> {
                b.append("services:\n");
                for (int k = 0; k < n; k++) {
                    b.append("  ").append(pick(r, WORDS)).append(k).append(":\n    image: acme/").append(pick(r, WORDS))
                            .append(":1.").append(r.nextInt(9)).append("\n    ports:\n      - \"").append(8000 + k).append(":8080\"\n")
                            .append("    environment:\n      LOG_LEVEL: info\n");
                }
                return sample(ContentType.YAML, "compose", i, b.toString());
            }
        }
    }

    // ---- TEXT -----------------------------------------------------------------------------------

    private static Sample text(Random r, int i) {
        StringBuilder b = new StringBuilder();
        int n = 4 + r.nextInt(12);
        switch (i % 5) {
            case 0 -> { // near-miss of CSV: prose with commas on every line
                for (int k = 0; k < n; k++) {
                    b.append("The ").append(pick(r, WORDS)).append(", the ").append(pick(r, WORDS)).append(", and the ")
                            .append(pick(r, WORDS)).append(" were reviewed, approved, and shipped on time.\n");
                }
                return sample(ContentType.TEXT, "prose-commas", i, b.toString());
            }
            case 1 -> { // near-miss of YAML: a markdown list
                b.append("## Release checklist\n\n");
                for (int k = 0; k < n; k++) {
                    b.append("- Check the ").append(pick(r, WORDS)).append(" dashboards and confirm the ").append(pick(r, WORDS))
                            .append(" numbers look right\n");
                }
                return sample(ContentType.TEXT, "markdown-list", i, b.toString());
            }
            case 2 -> { // near-miss of YAML: "Label: sentence" lines
                for (int k = 0; k < n; k++) {
                    b.append(Character.toUpperCase(pick(r, WORDS).charAt(0))).append("ote: the ").append(pick(r, WORDS))
                            .append(" team said the rollout can continue after the freeze.\n");
                }
                return sample(ContentType.TEXT, "label-colon", i, b.toString());
            }
            case 3 -> {
                b.append("# ").append(pick(r, WORDS)).append(" service\n\n");
                for (int k = 0; k < n; k++) {
                    b.append("This service keeps the ").append(pick(r, WORDS)).append(" in sync with the ").append(pick(r, WORDS))
                            .append(". It retries failed calls with backoff and reports what it could not deliver.\n\n");
                }
                return sample(ContentType.TEXT, "readme", i, b.toString());
            }
            default -> {
                b.append("Hi ").append(pick(r, NAMES)).append(",\n\n");
                for (int k = 0; k < n; k++) {
                    b.append("Following up on the ").append(pick(r, WORDS)).append(" question: we looked into it and it should be ")
                            .append("fixed by the end of the week.\n");
                }
                return sample(ContentType.TEXT, "email", i, b.append("\nThanks,\n").append(pick(r, NAMES)).append('\n').toString());
            }
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
