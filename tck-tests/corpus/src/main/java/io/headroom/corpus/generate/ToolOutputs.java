package io.headroom.corpus.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.corpus.PythonJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The tool outputs of the corpus: what agents' tools return (logs, rows, listings, pages, test runs), each with one
 * or a few needles hidden at a random place among routine items. Numbers are written as {@link BigDecimal} or
 * integers and text is formatted with {@link Locale#ROOT}, so the same seed gives the same bytes on every JDK.
 */
final class ToolOutputs {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] SERVICES = {"auth", "billing", "inventory", "ledger", "notifications", "search"};
    private static final String[] PLANS = {"basic", "pro", "team"};

    private ToolOutputs() {
    }

    /** Structured logs (a JSON array), all INFO but one FATAL entry with an error code and a request id. */
    static ToolOutput jsonLogs(Random rnd, int count) {
        int needleAt = middle(rnd, count);
        String code = "E" + (1000 + rnd.nextInt(9000));
        String message = String.format(Locale.ROOT, "Connection pool exhausted on shard %d: %d waiters, timeout after %dms",
                rnd.nextInt(10), 60 + rnd.nextInt(30), 5000 + rnd.nextInt(4000));
        String requestId = requestId(rnd);
        ArrayNode logs = JSON.arrayNode();
        int second = 0;
        for (int i = 0; i < count; i++) {
            second += 1 + rnd.nextInt(5);
            ObjectNode entry = logs.addObject();
            entry.put("timestamp", String.format(Locale.ROOT, "2026-03-14T%02d:%02d:%02d.000Z",
                    9 + second / 3600, second / 60 % 60, second % 60));
            String service = SERVICES[rnd.nextInt(SERVICES.length)];
            if (i == needleAt) {
                entry.put("level", "FATAL");
                entry.put("service", service);
                entry.put("message", message);
                entry.put("request_id", requestId);
                entry.put("latency_ms", 9100);
                entry.put("status", 503);
                entry.put("error_code", code);
            } else {
                entry.put("level", "INFO");
                entry.put("service", service);
                entry.put("message", "Request completed");
                entry.put("request_id", requestId(rnd));
                entry.put("latency_ms", 10 + rnd.nextInt(50));
                entry.put("status", 200);
            }
        }
        return new ToolOutput(PythonJson.dumps(logs), List.of(code, message, requestId));
    }

    /** Account rows (a JSON array of flat objects), one suspended with a large negative balance. */
    static ToolOutput accountRows(Random rnd, int count) {
        int needleAt = rnd.nextInt(count);
        BigDecimal debt = BigDecimal.valueOf(-(9_000_000L + rnd.nextInt(999_999)), 2);
        ArrayNode rows = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode row = rows.addObject();
            row.put("id", 100_000 + i);
            row.put("name", String.format(Locale.ROOT, "customer_%05d", i));
            row.put("email", String.format(Locale.ROOT, "c%05d@example.com", i));
            row.put("plan", PLANS[rnd.nextInt(PLANS.length)]);
            row.put("balance", i == needleAt ? debt : BigDecimal.valueOf(rnd.nextInt(50_000), 2));
            row.put("status", i == needleAt ? "suspended" : "active");
        }
        return new ToolOutput(PythonJson.dumps(rows), List.of(String.valueOf(100_000 + needleAt), debt.toPlainString()));
    }

    /** A file listing (a JSON array of paths) with one security class among generated ones. */
    static ToolOutput filePaths(Random rnd, int count) {
        String[] packages = {"web", "order", "util", "user", "billing"};
        String[] kinds = {"Service", "Controller", "Repository", "Mapper"};
        String needle = "src/main/java/com/acme/security/CsrfTokenValidator.java";
        int needleAt = middle(rnd, count);
        ArrayNode paths = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            paths.add(i == needleAt ? needle : String.format(Locale.ROOT, "src/main/java/com/acme/%s/%s%d.java",
                    packages[rnd.nextInt(packages.length)], kinds[rnd.nextInt(kinds.length)], i));
        }
        return new ToolOutput(PythonJson.dumps(paths), List.of("CsrfTokenValidator.java"));
    }

    /** grep output (path:line: text), one line being the definition asked for. */
    static ToolOutput grepLines(Random rnd, int count) {
        String[] files = {"admin", "tasks", "api", "models", "forms", "utils"};
        String location = "src/app/billing/reconcile.py:" + (100 + rnd.nextInt(900));
        int needleAt = middle(rnd, count);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append('\n');
            }
            if (i == needleAt) {
                out.append(location).append(":def reconcile_ledger_entries(batch, *, strict=True):");
            } else {
                out.append(String.format(Locale.ROOT, "src/app/%s.py:%d:    value = process(item)  # step %d",
                        files[rnd.nextInt(files.length)], 1 + rnd.nextInt(1900), i));
            }
        }
        return new ToolOutput(out.toString(), List.of(location));
    }

    /** A release-notes page: boilerplate head, navigation, footer and scripts around one breaking change. */
    static ToolOutput releaseNotesPage(Random rnd, int paragraphs) {
        String breaking = "Breaking change: the /v2/orders endpoint now requires the Idempotency-Key header on every POST.";
        int needleAt = middle(rnd, paragraphs);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Release 4.2 notes</title>")
                .append("<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script><style>")
                .append("body{margin:0}".repeat(200)).append("</style></head><body><nav><ul>");
        for (int i = 0; i < 120; i++) {
            html.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        html.append("</ul></nav><main><article><h1>Release 4.2</h1>");
        for (int i = 0; i < paragraphs; i++) {
            if (i == needleAt) {
                html.append("<p>").append(breaking).append("</p>");
            }
            html.append("<p>Paragraph ").append(i)
                    .append(" of the release notes describes routine maintenance of the build pipeline and dependency updates.</p>");
        }
        html.append("</article></main><footer>").append("<a href='/legal'>Legal</a>".repeat(80))
                .append("</footer><script>").append("var x=1;".repeat(500)).append("</script></body></html>");
        return new ToolOutput(html.toString(), List.of("Idempotency-Key"));
    }

    /** A metric series (one value a minute) with a single spike. */
    static ToolOutput latencySeries(Random rnd, int points) {
        int spikeAt = middle(rnd, points);
        BigDecimal spike = BigDecimal.valueOf(9000 + rnd.nextInt(1000), 1);
        ObjectNode series = JSON.objectNode();
        series.put("metric", "p99_latency_ms");
        series.put("step_s", 60);
        ArrayNode values = series.putArray("values");
        for (int i = 0; i < points; i++) {
            values.add(i == spikeAt ? spike : BigDecimal.valueOf(Math.round((40 + 3 * rnd.nextGaussian()) * 10), 1));
        }
        return new ToolOutput(PythonJson.dumps(series), List.of(spike.toPlainString()));
    }

    /** A pytest run: one line per test, two failures, the FAILURES section and the summary. */
    static ToolOutput pytestRun(Random rnd, int tests) {
        String[] modules = {"billing", "orders", "search", "users"};
        int roundingAt = middle(rnd, tests);
        int cancelAt = roundingAt + 1 + rnd.nextInt(tests - roundingAt - 1);
        String summary = String.format(Locale.ROOT, "2 failed, %d passed", tests - 2);
        StringBuilder log = new StringBuilder()
                .append("============================= test session starts ==============================\n")
                .append("platform linux -- Python 3.11.7, pytest-8.3.2, pluggy-1.5.0\nrootdir: /srv/app\n")
                .append("collected ").append(tests).append(" items\n\n");
        for (int i = 0; i < tests; i++) {
            if (i == roundingAt) {
                log.append("tests/test_billing.py::test_refund_rounding FAILED\n");
            } else if (i == cancelAt) {
                log.append("tests/test_orders.py::test_cancel_after_ship FAILED\n");
            } else {
                log.append(String.format(Locale.ROOT, "tests/test_%s.py::test_case_%04d PASSED\n",
                        modules[rnd.nextInt(modules.length)], i));
            }
        }
        log.append("\n=================================== FAILURES ===================================\n")
                .append("____________________________ test_refund_rounding _____________________________\n")
                .append("    def test_refund_rounding():\n")
                .append("        refund = compute_refund(Decimal('20.10'), ratio=Decimal('0.5'))\n")
                .append(">       assert refund == Decimal('10.05')\n")
                .append("E       AssertionError: expected 10.05, got 10.04\n\n")
                .append("tests/test_billing.py:88: AssertionError\n")
                .append("___________________________ test_cancel_after_ship ____________________________\n")
                .append("    def test_cancel_after_ship():\n        order = ship(new_order())\n>       cancel(order)\n")
                .append("E       app.errors.InvalidTransition: cannot cancel order in state SHIPPED\n\n")
                .append("app/orders.py:142: InvalidTransition\n")
                .append("=========================== short test summary info ============================\n")
                .append("FAILED tests/test_billing.py::test_refund_rounding - AssertionError: expected 10.05, got 10.04\n")
                .append("FAILED tests/test_orders.py::test_cancel_after_ship - app.errors.InvalidTransition: ")
                .append("cannot cancel order in state SHIPPED\n")
                .append(String.format(Locale.ROOT, "================== %s in %d.%02ds ==================",
                        summary, 30 + rnd.nextInt(30), rnd.nextInt(100)));
        return new ToolOutput(log.toString(), List.of("AssertionError: expected 10.05, got 10.04",
                "cannot cancel order in state SHIPPED", summary, "test_refund_rounding"));
    }

    /** Search results (an object wrapping an array), scores falling by rank, one result answering the question. */
    static ToolOutput searchResults(Random rnd, int count) {
        String[] titles = {"Type hints in practice", "Getting started with Python", "Async IO patterns",
            "Python packaging", "Testing with pytest"};
        String[] topics = {"context managers", "generators", "decorators", "dataclasses", "virtual environments"};
        String url = "https://docs.example.org/internal/rate_limiter.py";
        int needleAt = middle(rnd, count);
        ObjectNode page = JSON.objectNode();
        page.put("query", "python");
        page.put("total", count);
        ArrayNode results = page.putArray("results");
        for (int i = 0; i < count; i++) {
            ObjectNode r = results.addObject();
            if (i == needleAt) {
                r.put("title", "Result " + i + ": How the rate limiter validates JWTs");
                r.put("url", url);
                r.put("snippet", "The rate limiter checks the signature, expiry and audience of each JWT before the handler runs.");
            } else {
                r.put("title", "Result " + i + ": " + titles[rnd.nextInt(titles.length)]);
                r.put("url", "https://docs.example.org/py/" + i);
                r.put("snippet", "An overview of " + topics[rnd.nextInt(topics.length)]
                        + " with examples and best practices for production use.");
            }
            r.put("score", BigDecimal.valueOf(1000 - i, 1));
        }
        return new ToolOutput(PythonJson.dumps(page), List.of(url));
    }

    /** A Python module of small generated functions (the long conversation reads one per step). */
    static ToolOutput pythonModule(int module, int functions) {
        StringBuilder src = new StringBuilder();
        for (int j = 0; j < functions; j++) {
            if (j > 0) {
                src.append('\n');
            }
            src.append("def f").append(module).append('_').append(j).append("(x):\n    return x * ").append(j)
                    .append(" + ").append(module);
        }
        return ToolOutput.plain(src.toString());
    }

    /** Search results cut off mid-object: not JSON, so nothing may touch it. */
    static ToolOutput truncatedJson(int items) {
        StringBuilder out = new StringBuilder("{\"results\": [");
        for (int i = 0; i < items; i++) {
            out.append("{\"id\": ").append(i).append(", \"name\": \"item ").append(i).append("\",");
        }
        return ToolOutput.plain(out.toString());
    }

    /** An inventory (a JSON array) as a user pastes it into a message; exactly one SKU is at zero. */
    static ToolOutput inventory(Random rnd, int skus) {
        int zeroAt = rnd.nextInt(skus);
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < skus; i++) {
            ObjectNode item = items.addObject();
            item.put("sku", String.format(Locale.ROOT, "SKU-%05d", i));
            item.put("qty", i == zeroAt ? 0 : 1 + rnd.nextInt(40));
        }
        return new ToolOutput(PythonJson.dumps(items), List.of(String.format(Locale.ROOT, "SKU-%05d", zeroAt)));
    }

    private static String requestId(Random rnd) {
        return String.format(Locale.ROOT, "req-%012x", rnd.nextLong() & 0xffff_ffff_ffffL);
    }

    /** An index in the middle 60% of a list: where needles are hardest to find by looking at the ends. */
    private static int middle(Random rnd, int count) {
        return count / 5 + rnd.nextInt(Math.max(1, count * 3 / 5));
    }
}
