package io.headroom.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Tabular tool outputs as agents get them (a SQL export as CSV, a TSV dump, {@code kubectl get pods},
 * {@code docker ps}, {@code df -h}, psql and mysql output, a markdown table), generated from a fixed seed, each
 * with planted needles: the anomalous row and the row that answers the user's question. Large cases (≥ 300 rows)
 * carry the 70% savings target; small ones have no target, only needles.
 */
final class TableCases {
    private static final String[] CUSTOMERS = {"acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell"};
    private static final String[] IMAGES = {"nginx:1.25", "redis:7.2", "postgres:16", "grafana/grafana:10.4", "busybox:1.36"};

    private TableCases() {
    }

    static List<FidelityCase> all() {
        Random r = new Random(16);
        List<FidelityCase> cases = new ArrayList<>();
        cases.add(paymentsCsv(r, 900, 0.7));
        cases.add(paymentsCsv(r, 20, 0));
        cases.add(usersTsv(r, 600, 0.7));
        cases.add(kubectlPods(r, 400, 0.7));
        cases.add(kubectlPods(r, 12, 0));
        cases.add(dockerPs(r, 300, 0.7));
        cases.add(df(r, 300, 0.7));
        cases.add(psql(r, 500, 0.7));
        cases.add(mysqlBox(r, 350, 0.7));
        cases.add(markdown(r, 300, 0.7));
        cases.add(markdown(r, 10, 0));
        return cases;
    }

    /** A SQL export: one failed payment among settled ones; the user also asks about one order. */
    static FidelityCase paymentsCsv(Random r, int n, double target) {
        int failed = n / 4 + r.nextInt(n / 2);
        int asked = (failed + 1 + r.nextInt(n - 2)) % n;
        String askedOrder = null;
        StringBuilder b = new StringBuilder("payment_id,order_id,customer,amount,currency,status,created_at,gateway_message\n");
        for (int i = 0; i < n; i++) {
            String order = "ORD-" + (40000 + i * 7);
            if (i == asked) askedOrder = order;
            boolean isFailed = i == failed;
            b.append("pay_").append(Long.toHexString(0x1000000L + r.nextInt(0xffffff))).append(',').append(order).append(',')
                    .append(CUSTOMERS[r.nextInt(CUSTOMERS.length)]).append(',')
                    .append(String.format(Locale.ROOT, "%d.%02d", 5 + r.nextInt(400), r.nextInt(100))).append(",EUR,")
                    .append(isFailed ? "failed" : "settled").append(',')
                    .append(String.format(Locale.ROOT, "2025-03-%02dT%02d:%02d:%02dZ", 1 + i * 28 / n, r.nextInt(24), r.nextInt(60), r.nextInt(60)))
                    .append(',').append(isFailed ? "\"card declined: insufficient funds, ref PAY-55121\"" : "approved").append('\n');
        }
        return new FidelityCase("csv_sql_export_" + n, "table", "run_sql", b.toString(),
                "Which payment failed and why? And what was the amount of order " + askedOrder + "?",
                List.of("PAY-55121", "insufficient funds", askedOrder + ","), target);
    }

    static FidelityCase usersTsv(Random r, int n, double target) {
        int locked = 5 + r.nextInt(n - 10);
        StringBuilder b = new StringBuilder("user_id\temail\tplan\tlast_login_days\tstate\n");
        for (int i = 0; i < n; i++) {
            b.append(70000 + i).append("\tuser").append(i).append("@example.com\t")
                    .append(r.nextInt(10) < 7 ? "free" : "pro").append('\t').append(r.nextInt(30)).append('\t')
                    .append(i == locked ? "locked_fraud_review" : "active").append('\n');
        }
        return new FidelityCase("tsv_users_" + n, "table", "mysql_batch", b.toString(),
                "Is any account locked?", List.of("user" + locked + "@example.com", "locked_fraud_review"), target);
    }

    static FidelityCase kubectlPods(Random r, int n, double target) {
        int crash = r.nextInt(n);
        String format = "%-48s%-8s%-19s%-14s%s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format, "NAME", "READY", "STATUS", "RESTARTS", "AGE"));
        String crashName = null;
        String[] apps = {"checkout", "cart", "search", "payments", "ledger", "notifier"};
        for (int i = 0; i < n; i++) {
            String name = apps[i % apps.length] + "-" + Integer.toHexString(0x6000000 + r.nextInt(0xffffff)) + "-"
                    + Integer.toString(36 * 36 * 36 * 36 + r.nextInt(1_000_000), 36);
            boolean isCrash = i == crash;
            if (isCrash) crashName = name;
            b.append(String.format(Locale.ROOT, format, name, isCrash ? "0/1" : "1/1", isCrash ? "CrashLoopBackOff" : "Running",
                    isCrash ? "57 (2m ago)" : "0", (1 + r.nextInt(40)) + "d"));
        }
        return new FidelityCase("kubectl_pods_" + n, "table", "kubectl", b.toString(), "Why is checkout failing?",
                List.of(crashName, "CrashLoopBackOff"), target);
    }

    static FidelityCase dockerPs(Random r, int n, double target) {
        int exited = r.nextInt(n);
        String format = "%-15s%-25s%-25s%-16s%-26s%-22s%s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format, "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
        String exitedName = null;
        for (int i = 0; i < n; i++) {
            String image = IMAGES[r.nextInt(IMAGES.length)];
            String name = "svc_" + i + "_" + Integer.toString(r.nextInt(46656), 36);
            boolean isExited = i == exited;
            if (isExited) exitedName = name;
            b.append(String.format(Locale.ROOT, format, Long.toHexString(0x100000000000L + (r.nextLong() & 0xfffffffffffL)),
                    image, "\"/docker-entrypoint…\"", (1 + r.nextInt(9)) + " days ago",
                    isExited ? "Exited (137) 5 minutes ago" : "Up " + (1 + r.nextInt(9)) + " days", isExited ? "" : "0.0.0.0:" + (8000 + i) + "->80/tcp", name));
        }
        return new FidelityCase("docker_ps_" + n, "table", "docker", b.toString(), "Which container died?",
                List.of(exitedName, "Exited (137)"), target);
    }

    static FidelityCase df(Random r, int n, double target) {
        int full = r.nextInt(n);
        String format = "%-28s %5s %5s %5s %4s %s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format, "Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"));
        for (int i = 0; i < n; i++) {
            int size = 50 + r.nextInt(4) * 50;
            int used = i == full ? size - 1 : size * (10 + r.nextInt(50)) / 100;
            b.append(String.format(Locale.ROOT, format, "/dev/mapper/vg0-lv" + i, size + "G", used + "G", (size - used) + "G",
                    (used * 100 / size) + "%", "/srv/volume" + i));
        }
        return new FidelityCase("df_h_" + n, "table", "shell", b.toString(), "Which disk is almost full?",
                List.of("/srv/volume" + full), target);
    }

    static FidelityCase psql(Random r, int n, double target) {
        int slow = r.nextInt(n);
        StringBuilder b = new StringBuilder("  query_id  |              query               | calls |  mean_ms\n"
                + "------------+----------------------------------+-------+----------\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, " %10d | %-32s | %5d | %8.2f%n", 900000 + i * 13,
                    "SELECT * FROM t" + (i % 40) + " WHERE id = $1", 10 + r.nextInt(5000), i == slow ? 48211.7 : 0.2 + r.nextInt(300) / 100.0));
        }
        b.append(String.format(Locale.ROOT, "(%d rows)%n", n));
        return new FidelityCase("psql_stat_statements_" + n, "table", "psql", b.toString(), "Which query is slow?",
                List.of(String.valueOf(900000 + slow * 13), "48211.70", "(" + n + " rows)"), target);
    }

    static FidelityCase mysqlBox(Random r, int n, double target) {
        int down = r.nextInt(n);
        StringBuilder b = new StringBuilder("+-------+------------------+---------+--------+\n"
                + "| id    | hostname         | region  | state  |\n"
                + "+-------+------------------+---------+--------+\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "| %-5d | %-16s | %-7s | %-6s |%n", i + 1, "db-replica-" + i,
                    r.nextBoolean() ? "eu-west" : "us-east", i == down ? "DOWN" : "ok"));
        }
        b.append("+-------+------------------+---------+--------+\n").append(n).append(" rows in set (0.02 sec)\n");
        return new FidelityCase("mysql_box_" + n, "table", "mysql", b.toString(), "Is any replica down?",
                List.of("db-replica-" + down + " ", "DOWN"), target);
    }

    static FidelityCase markdown(Random r, int n, double target) {
        int sev1 = r.nextInt(n);
        StringBuilder b = new StringBuilder("## Open incidents\n\n| ticket | service | severity | opened | summary |\n|---|---|---|---|---|\n");
        for (int i = 0; i < n; i++) {
            b.append("| INC-").append(3000 + i).append(" | svc-").append(r.nextInt(12)).append(" | ")
                    .append(i == sev1 ? "SEV1" : "SEV4").append(" | 2025-02-").append(String.format(Locale.ROOT, "%02d", 1 + r.nextInt(28)))
                    .append(" | ").append(i == sev1 ? "payments API returns 500 for all EU cards" : "minor UI glitch").append(" |\n");
        }
        return new FidelityCase("markdown_incidents_" + n, "table", "list_incidents", b.toString(),
                "What is the most severe open incident?", List.of("INC-" + (3000 + sev1), "payments API returns 500"), target);
    }
}
