package io.headroom.bench;

import java.util.Locale;

/** Number formatting shared by the Markdown reports. */
final class Format {
    private Format() {
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    /** A duration given in microseconds, with its unit: µs below 0.1 ms, else ms. */
    static String ms(double micros) {
        if (Double.isNaN(micros)) {
            return "-";
        }
        if (Math.abs(micros) < 100) {
            return String.format(Locale.ROOT, "%.1f µs", micros);
        }
        double ms = micros / 1000.0;
        return String.format(Locale.ROOT, Math.abs(ms) < 10 ? "%.2f ms" : "%.1f ms", ms);
    }
}
