package io.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportToolsTest {

    @Test
    void percentilesUseNearestRank() {
        long[] lat = new long[100];
        for (int i = 0; i < 100; i++) {
            lat[i] = (i + 1) * 1000L; // 1..100 us
        }
        LoadDriver.Result r = new LoadDriver.Result(1, 100, 0, 0, 1_000_000_000L, lat, null);
        assertEquals(50.0, r.percentileMicros(50));
        assertEquals(99.0, r.percentileMicros(99));
        assertEquals(100.0, r.throughput());
    }

    @Test
    void jmhResultsMergeAverageSampleAndAllocation(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, """
                [{"benchmark":"io.headroom.bench.PipelineBench.headroomProcess","mode":"avgt","params":{"input":"db_rows_1000"},
                  "primaryMetric":{"score":1500.0,"scoreUnit":"us/op"},
                  "secondaryMetrics":{"gc.alloc.rate.norm":{"score":2048.0,"scoreUnit":"B/op"}}},
                 {"benchmark":"io.headroom.bench.PipelineBench.headroomProcess","mode":"sample","params":{"input":"db_rows_1000"},
                  "primaryMetric":{"score":1.6,"scoreUnit":"ms/op","scorePercentiles":{"50.0":1.4,"99.0":3.0}},
                  "secondaryMetrics":{}}]
                """);
        JmhResults.Figures f = JmhResults.read(json).get("PipelineBench.headroomProcess", "db_rows_1000").orElseThrow();
        assertEquals(1500.0, f.meanUs(), 1e-9);
        assertEquals(1400.0, f.p50Us(), 1e-9);
        assertEquals(3000.0, f.p99Us(), 1e-9);
        assertEquals(2048.0, f.allocBytesPerOp(), 1e-9);
    }

    @Test
    void plotHasOnePointPerInputAndSeries() {
        String svg = PlotLatency.render(List.of(
                new PlotLatency.Series("a", "#f00", List.of(new PlotLatency.Point("x", 1000, 50),
                        new PlotLatency.Point("y", 300_000, 20_000))),
                new PlotLatency.Series("b", "#00f", List.of(new PlotLatency.Point("x", 1000, 5)))), "t", "s");
        assertTrue(svg.startsWith("<svg"));
        assertEquals(3 + 2, svg.split("<circle").length - 1); // 3 points + 2 legend marks
        assertTrue(svg.contains("20 ms"));
    }
}
