package io.headroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws latency against request size (log-log SVG) from a JMH result file: the Headroom pipeline
 * and the Jackson parse+write floor, one point per input.
 * Run: {@code java -cp tck-tests/benchmarks/target/benchmarks.jar io.headroom.bench.PlotLatency
 * target/jmh.json src-docs/benchmarks-latency.svg "subtitle"}.
 */
public final class PlotLatency {

    /** One point: request size in bytes, latency in microseconds. */
    record Point(String label, double bytes, double micros) {
    }

    record Series(String name, String color, List<Point> points) {
    }

    private static final int W = 860;
    private static final int H = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 60;
    private static final int BOTTOM = 60;

    private PlotLatency() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "target/jmh.json");
        Path out = Path.of(args.length > 1 ? args[1] : "target/benchmarks-latency.svg");
        String subtitle = args.length > 2 ? args[2] : "";
        JmhResults r = JmhResults.read(in);
        List<Point> headroom = new ArrayList<>();
        List<Point> floor = new ArrayList<>();
        for (String input : BenchInputs.all()) {
            var h = r.get("PipelineBench.headroomProcess", input);
            if (h.isEmpty()) {
                continue;
            }
            double size = BenchInputs.load(input).body().length;
            headroom.add(new Point(input, size, h.get().typicalUs()));
            r.get("PipelineBench.jacksonFloor", input).ifPresent(f -> floor.add(new Point(input, size, f.typicalUs())));
        }
        String svg = render(List.of(new Series("Headroom process()", "#d62728", headroom),
                new Series("Jackson parse+write (floor)", "#1f77b4", floor)),
                "Pipeline latency (p50) vs request size", subtitle);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, svg, StandardCharsets.UTF_8);
        System.out.println("wrote " + out + " (" + headroom.size() + " inputs)");
    }

    static String render(List<Series> series, String title, String subtitle) {
        double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
        for (Series s : series) {
            for (Point p : s.points()) {
                minX = Math.min(minX, p.bytes());
                maxX = Math.max(maxX, p.bytes());
                minY = Math.min(minY, p.micros());
                maxY = Math.max(maxY, p.micros());
            }
        }
        if (maxX == 0) {
            throw new IllegalArgumentException("no points to plot");
        }
        Axis x = new Axis(Math.floor(Math.log10(minX)), Math.ceil(Math.log10(maxX)), LEFT, W - RIGHT);
        Axis y = new Axis(Math.floor(Math.log10(minY)), Math.ceil(Math.log10(maxY)), H - BOTTOM, TOP);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                LEFT, esc(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"42\" fill=\"#555\">%s</text>%n", LEFT, esc(subtitle)));
        for (double e = x.lo; e <= x.hi; e++) {
            double px = x.map(Math.pow(10, e));
            sb.append(line(px, TOP, px, H - BOTTOM, "#ddd"));
            sb.append(text(px, H - BOTTOM + 18, sizeLabel(Math.pow(10, e)), "middle"));
        }
        for (double e = y.lo; e <= y.hi; e++) {
            double py = y.map(Math.pow(10, e));
            sb.append(line(LEFT, py, W - RIGHT, py, "#ddd"));
            sb.append(text(LEFT - 8, py + 4, timeLabel(Math.pow(10, e)), "end"));
        }
        sb.append(line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "#333"));
        sb.append(line(LEFT, TOP, LEFT, H - BOTTOM, "#333"));
        sb.append(text((LEFT + W - RIGHT) / 2.0, H - 18, "request body size (log scale)", "middle"));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "latency per request (log scale)</text>%n", (TOP + H - BOTTOM) / 2.0));
        int legendY = TOP + 10;
        for (Series s : series) {
            List<Point> pts = new ArrayList<>(s.points());
            pts.sort(Comparator.comparingDouble(Point::bytes));
            StringBuilder path = new StringBuilder();
            for (Point p : pts) {
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        x.map(p.bytes()), y.map(p.micros())));
            }
            sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-opacity=\"0.35\"/>%n",
                    path, s.color()));
            for (Point p : pts) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s, %s</title></circle>%n",
                        x.map(p.bytes()), y.map(p.micros()), s.color(), esc(p.label()), sizeLabel(p.bytes()),
                        timeLabel(p.micros())));
            }
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>%n", W - RIGHT + 16, legendY, s.color()));
            sb.append(text(W - RIGHT + 26, legendY + 4, s.name(), "start"));
            legendY += 20;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Log10 axis over whole decades, mapped to pixels. */
    private record Axis(double lo, double hi, double from, double to) {
        double map(double v) {
            double span = hi - lo == 0 ? 1 : hi - lo;
            return from + (Math.log10(v) - lo) / span * (to - from);
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String s, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, esc(s));
    }

    static String sizeLabel(double bytes) {
        return bytes >= 1 << 20 ? trim(bytes / (1 << 20)) + " MB" : bytes >= 1024 ? trim(bytes / 1024) + " KB"
                : trim(bytes) + " B";
    }

    static String timeLabel(double micros) {
        return micros >= 1e6 ? trim(micros / 1e6) + " s" : micros >= 1e3 ? trim(micros / 1e3) + " ms"
                : trim(micros) + " µs";
    }

    private static String trim(double v) {
        return v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
