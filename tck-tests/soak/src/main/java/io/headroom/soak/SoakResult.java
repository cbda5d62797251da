package io.headroom.soak;

import java.util.List;
import java.util.Map;

/** Everything a run measured, as the report shows it (figures in MB and milliseconds). */
record SoakResult(
        Map<String, Object> settings,
        Map<String, Map<String, Long>> normal,
        Map<String, Map<String, Long>> hostile,
        Latency quiet,
        Latency loaded,
        List<Percentiles.Window> loadedByWindow,
        Memory memory,
        Restarts restarts,
        Hashes hashes) {

    /** Latency of the "ok" normal requests of one phase. */
    record Latency(long count, double p50Millis, double p99Millis) {
    }

    /** Peak figures of the gateway process; -1 where never sampled. */
    record Memory(int xmxMb, int rssBoundMb, long samples, double maxHeapUsedMb, double maxHeapAfterGcMb,
                  double maxRssMb, long outOfMemoryErrors, List<String> samplingProblems) {
    }

    /** The planned kill and any exit nobody asked for. */
    record Restarts(boolean killPlanned, int plannedRestarts, List<Double> restartSeconds, List<String> unplannedExits) {
    }

    /** CCR hashes handed to clients and what the final retrieval found. */
    record Hashes(long handedOut, long handedOutBeforeKill, Map<String, Long> retrieval,
                  Map<String, Long> retrievalOfBeforeKill, Map<String, List<String>> failedExamples) {
        long retrievable() {
            return retrieval.getOrDefault(HashAudit.OK, 0L);
        }
    }

    /** Normal requests whose outcome is neither "ok" nor a kill-cut request answered on retry. */
    long normalUnanswered() {
        return sum(normal, o -> !o.equals("ok") && !o.equals(NormalLoad.CUT_RETRY_OK));
    }

    long normalCutByKill() {
        return sum(normal, o -> o.equals(NormalLoad.CUT_RETRY_OK) || o.equals(NormalLoad.CUT_RETRY_FAILED));
    }

    /** Hostile connections the gateway neither answered nor closed (or lost in a crash). */
    long hostileUnanswered() {
        return sum(hostile, o -> o.endsWith("held-open") || o.endsWith("connect-failed")
                || o.equals(HostileLoad.CUT_BY_CRASH));
    }

    long hostileCutByKill() {
        return sum(hostile, o -> o.equals(HostileLoad.CUT_BY_KILL));
    }

    long forgedGranted() {
        return sum(hostile, o -> o.contains(ForgedHeadersRequest.GRANTED));
    }

    /** Hostile requests as a share of all requests of the main run. */
    double hostileShare() {
        long hostileTotal = total(hostile);
        long mainNormal = normal.entrySet().stream().filter(e -> e.getKey().startsWith("main/"))
                .flatMap(e -> e.getValue().values().stream()).mapToLong(Long::longValue).sum();
        return hostileTotal + mainNormal == 0 ? 0 : (double) hostileTotal / (hostileTotal + mainNormal);
    }

    long total(Map<String, Map<String, Long>> byKind) {
        return sum(byKind, o -> true);
    }

    private static long sum(Map<String, Map<String, Long>> byKind, java.util.function.Predicate<String> outcome) {
        return byKind.values().stream().flatMap(m -> m.entrySet().stream())
                .filter(e -> outcome.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
