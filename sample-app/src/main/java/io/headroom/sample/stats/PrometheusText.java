package io.headroom.sample.stats;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus text exposition format 0.0.4 written the way the original proxy writes it: {@code # HELP},
 * {@code # TYPE}, the samples, a blank line.
 */
public final class PrometheusText {
    private final StringBuilder out = new StringBuilder(4096);

    public PrometheusText metric(String name, String type, String help, double value) {
        header(name, type, help);
        out.append(name).append(' ').append(number(value)).append('\n').append('\n');
        return this;
    }

    /** One family with one sample per entry of {@code values}, labelled {@code label="key"}. */
    public PrometheusText labelled(String name, String type, String help, String label, Map<String, Long> values) {
        header(name, type, help);
        values.forEach((key, v) -> out.append(name).append('{').append(label).append("=\"").append(escape(key))
                .append("\"} ").append(v).append('\n'));
        out.append('\n');
        return this;
    }

    /**
     * Appends another 0.0.4 document (Micrometer's scrape) without the families named in {@code skip}, which this
     * document already has: one exposition must not name a family twice.
     */
    public PrometheusText append(String exposition, Set<String> skip) {
        for (String line : exposition.split("\n", -1)) {
            if (!skip.contains(familyOf(line))) {
                out.append(line).append('\n');
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** The metric a line belongs to: the sample's name, or the name after {@code # HELP}/{@code # TYPE}. */
    static String familyOf(String line) {
        String rest = line;
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            rest = line.substring(7);
        } else if (line.startsWith("#")) {
            return "";
        }
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != '{') {
            end++;
        }
        return rest.substring(0, end);
    }

    /** Integers without a decimal point (as Python prints an int), other values rounded to two decimals. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", TimingStats.round2(v));
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
