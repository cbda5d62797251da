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

    /** Microseconds as ms with sensible precision. */
    static String ms(double micros) {
        double ms = micros / 1000.0;
        if (Double.isNaN(ms)) {
            return "-";
        }
        return String.format(Locale.ROOT, ms < 0.1 ? "%.3f" : ms < 10 ? "%.2f" : "%.1f", ms);
    }
}
