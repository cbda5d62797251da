package io.headroom.internal.table;

import java.util.Locale;
import java.util.Random;

/** Tool outputs shaped like real ones, from a fixed seed; one planted needle each where the test needs one. */
final class TableSamples {
    static final String FAILED_REF = "PAY-55121";

    private TableSamples() {
    }

    /** {@code id,customer,amount,currency,status,message}: one failed payment at {@code failedAt}. */
    static String paymentsCsv(int n, int failedAt) {
        Random r = new Random(7);
        StringBuilder b = new StringBuilder("id,customer,amount,currency,status,message\n");
        for (int i = 0; i < n; i++) {
            boolean failed = i == failedAt;
            b.append(1000 + i).append(",cust-").append(r.nextInt(5000)).append(',')
                    .append(String.format(Locale.ROOT, "%d.%02d", 10 + r.nextInt(90), r.nextInt(100)))
                    .append(",USD,").append(failed ? "failed" : "settled").append(',')
                    .append(failed ? "\"card declined, ref " + FAILED_REF + "\"" : "ok").append('\n');
        }
        return b.toString();
    }

    static String kubectlPods(int n, int crashAt) {
        Random r = new Random(11);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-40s%-8s%-19s%-14s%s%n", "NAME", "READY", "STATUS", "RESTARTS", "AGE"));
        for (int i = 0; i < n; i++) {
            boolean crash = i == crashAt;
            String name = "api-" + Integer.toHexString(0x10000 + r.nextInt(0xfffff)) + "-" + Integer.toString(36 * 36 * 36 + r.nextInt(40000), 36);
            b.append(String.format(Locale.ROOT, "%-40s%-8s%-19s%-14s%s%n", name, crash ? "0/1" : "1/1",
                    crash ? "CrashLoopBackOff" : "Running", crash ? "42 (3m ago)" : "0", (1 + r.nextInt(30)) + "d"));
        }
        return b.toString();
    }

    static String markdown(int n) {
        StringBuilder b = new StringBuilder("Open incidents:\n\n| id | service | severity | owner |\n|---|---|---|---|\n");
        for (int i = 0; i < n; i++) {
            b.append("| INC-").append(100 + i).append(" | svc-").append(i % 7).append(" | ")
                    .append(i == n / 2 ? "sev1" : "sev3").append(" | team-a |\n");
        }
        return b.toString();
    }

    static String psql(int n) {
        StringBuilder b = new StringBuilder("  id  |  name   | balance\n------+---------+---------\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, " %4d | user%-3d | %7.2f%n", i, i % 100, i == n / 3 ? 99999.0 : 10.0 + i % 50));
        }
        return b.append(String.format(Locale.ROOT, "(%d rows)%n", n)).toString();
    }

    static String mysqlBox(int n) {
        StringBuilder b = new StringBuilder("+------+----------+--------+\n| id   | host     | state  |\n+------+----------+--------+\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "| %-4d | web-%-4d | %-6s |%n", i, i, i == n - 7 ? "down" : "up"));
        }
        return b.append("+------+----------+--------+\n").append(n).append(" rows in set (0.01 sec)\n").toString();
    }

    static String unicodeBox(int n) {
        StringBuilder b = new StringBuilder("┌──────┬──────────┬────────┐\n│ id   │ host     │ state  │\n├──────┼──────────┼────────┤\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "│ %-4d │ web-%-4d │ %-6s │%n", i, i, i == n - 7 ? "down" : "up"));
        }
        return b.append("└──────┴──────────┴────────┘\n").toString();
    }

    /** As {@code df -h} prints: right-aligned sizes, a last column named with two words. */
    static String df(int n) {
        String format = "%-15s %4s %5s %5s %4s %s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format, "Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"));
        for (int i = 0; i < n; i++) {
            int use = i == n / 2 ? 99 : 10 + (i * 7) % 40;
            b.append(String.format(Locale.ROOT, format, "/dev/sd" + (char) ('a' + i % 26) + i, "100G", use + "G",
                    (100 - use) + "G", use + "%", "/mnt/data" + i));
        }
        return b.toString();
    }
}
