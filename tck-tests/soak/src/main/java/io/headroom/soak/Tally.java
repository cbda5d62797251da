package io.headroom.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counts by kind and outcome, e.g. {@code chat -> ok: 5120, http-500: 3}. */
final class Tally {
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    void count(String kind, String outcome) {
        counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    /** A sorted copy: kind -> outcome -> count. */
    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        counts.forEach((kind, outcomes) -> {
            Map<String, Long> o = new TreeMap<>();
            outcomes.forEach((name, n) -> o.put(name, n.sum()));
            out.put(kind, o);
        });
        return out;
    }

    long total(String outcome) {
        return snapshot().values().stream().mapToLong(o -> o.getOrDefault(outcome, 0L)).sum();
    }

    long total() {
        return snapshot().values().stream().flatMap(o -> o.values().stream()).mapToLong(Long::longValue).sum();
    }
}
