package io.headroom.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The acceptance criteria of the soak (issue 13), each judged from a {@link SoakResult}. */
final class AcceptanceCriteria {
    /** One criterion's verdict and the figures behind it. */
    record Criterion(String name, boolean passed, String detail) {
    }

    private AcceptanceCriteria() {
    }

    /** A run whose hostile share fell below this fraction of the target did not test what it claims. */
    static final double MIN_SHARE_REACHED = 0.8;

    static List<Criterion> evaluate(SoakResult r, double p99Ratio, double hostileShare) {
        List<Criterion> out = new ArrayList<>();
        out.add(new Criterion(fmt("the run is valid: hostile share >= %.0f%% of the %.1f%% asked for",
                MIN_SHARE_REACHED * 100, hostileShare * 100),
                r.hostileShare() >= MIN_SHARE_REACHED * hostileShare,
                fmt("%.1f%% of the main run's requests were hostile (raise --hostile-concurrency if the hostile"
                        + " connections were all busy)", r.hostileShare() * 100)));
        SoakResult.Memory m = r.memory();
        boolean heapSampled = m.maxHeapUsedMb() >= 0;
        out.add(new Criterion("heap stays under the bound (-Xmx" + m.xmxMb() + "m, no OutOfMemoryError)",
                heapSampled && m.outOfMemoryErrors() == 0 && m.maxHeapUsedMb() <= m.xmxMb(),
                heapSampled ? fmt("max used %.0f MB, max after GC %.0f MB, OutOfMemoryError in the gateway log: %d",
                        m.maxHeapUsedMb(), m.maxHeapAfterGcMb(), m.outOfMemoryErrors())
                        : "heap never sampled: " + m.samplingProblems()));
        out.add(new Criterion("RSS stays under the bound (" + m.rssBoundMb() + " MB)",
                m.maxRssMb() >= 0 && m.maxRssMb() <= m.rssBoundMb(), fmt("max RSS %.0f MB", m.maxRssMb())));
        out.add(new Criterion("gateway stays up (no exit but the planned SIGKILL)",
                r.restarts().unplannedExits().isEmpty(),
                r.restarts().unplannedExits().isEmpty() ? "no unplanned exit"
                        : r.restarts().unplannedExits().size() + " unplanned exit(s): " + r.restarts().unplannedExits()));
        out.add(new Criterion("SIGKILL + restart on the same port and CCR path done",
                !r.restarts().killPlanned() || r.restarts().plannedRestarts() >= 1,
                r.restarts().killPlanned() ? fmt("%d planned restart(s), took %s s", r.restarts().plannedRestarts(),
                        r.restarts().restartSeconds()) : "skipped (--no-kill)"));
        long normalTotal = r.total(r.normal());
        out.add(new Criterion("every normal request answered",
                normalTotal > 0 && r.normalUnanswered() == 0,
                fmt("%d sent, %d unanswered or wrong, %d cut by the kill (retried once)", normalTotal,
                        r.normalUnanswered(), r.normalCutByKill())));
        out.add(new Criterion("every hostile connection answered or closed by the gateway",
                r.hostileUnanswered() == 0,
                fmt("%d sent, %d held open past the hold time / refused / lost in a crash, %d cut by the kill",
                        r.total(r.hostile()), r.hostileUnanswered(), r.hostileCutByKill())));
        out.add(new Criterion("forged Host/Origin/forwarding headers never get operator access",
                r.forgedGranted() == 0, fmt("%d forged requests granted operator access", r.forgedGranted())));
        SoakResult.Hashes h = r.hashes();
        out.add(new Criterion("every CCR hash handed out retrievable, byte-identical",
                h.handedOut() > 0 && h.retrievable() == h.handedOut(),
                fmt("%d handed out, %d retrievable: %s; of the %d handed out before the kill: %s", h.handedOut(),
                        h.retrievable(), h.retrieval(), h.handedOutBeforeKill(), h.retrievalOfBeforeKill())));
        boolean measured = r.quiet().count() > 0 && r.loaded().count() > 0;
        double ratio = measured ? r.loaded().p99Millis() / r.quiet().p99Millis() : Double.NaN;
        out.add(new Criterion(fmt("p99 of normal requests within %.1fx of the quiet run", p99Ratio),
                measured && ratio <= p99Ratio,
                fmt("quiet p50 %.1f ms p99 %.1f ms (%d), loaded p50 %.1f ms p99 %.1f ms (%d), p99 ratio %.2f",
                        r.quiet().p50Millis(), r.quiet().p99Millis(), r.quiet().count(), r.loaded().p50Millis(),
                        r.loaded().p99Millis(), r.loaded().count(), ratio)));
        return out;
    }

    static boolean allPassed(List<Criterion> criteria) {
        return criteria.stream().allMatch(Criterion::passed);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
