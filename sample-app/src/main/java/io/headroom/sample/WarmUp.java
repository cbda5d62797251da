package io.headroom.sample;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.Mode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Warms the gateway up before it reports ready ({@code GET /readyz}): a freshly started JVM runs the pipeline
 * interpreted and loads its classes on first use, so the first requests after a start or a restart took up to
 * 2.5 s where a warm gateway takes a few milliseconds (soak, 2 CPUs). For {@code headroom.gateway.warm-up}
 * (default 10 s; 0 turns it off) a background thread compresses {@link WarmUpRequests} with a Headroom of its
 * own: the same configuration and code, but an in-memory CCR store of its own, so the gateway's store, counters
 * and savings see none of it. Requests are served meanwhile, as always; only readiness waits, so a load balancer
 * sends traffic once the gateway is warm.
 */
@ApplicationScoped
public class WarmUp {
    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    private final Headroom headroom;
    private final Duration budget;
    private volatile boolean done;
    private volatile boolean stopping;

    @Inject
    public WarmUp(Headroom headroom, GatewayConfig config) {
        this(headroom, config.warmUp());
    }

    WarmUp(Headroom headroom, Duration budget) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("headroom.gateway.warm-up must be >= 0, got " + budget);
        }
        this.headroom = headroom;
        this.budget = budget;
    }

    /** True once the warm-up ran (or was off): {@code /readyz} answers 200 from then on. */
    public boolean done() {
        return done;
    }

    void start(@Observes StartupEvent started) {
        if (budget.isZero()) {
            done = true;
            return;
        }
        Thread t = new Thread(this::run, "headroom-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
    }

    private void run() {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int requests = 0;
        HeadroomConfig own = headroom.config().toBuilder().mode(Mode.OPTIMIZE)
                .ccr(c -> c.diskPath(null)).build();
        try (Headroom warm = Headroom.builder(own).build()) {
            List<WarmUpRequests.Sample> samples = WarmUpRequests.all();
            while (System.nanoTime() < deadline && !stopping) {
                for (WarmUpRequests.Sample s : samples) {
                    warm.process(s.endpoint(), s.body(), null);
                    requests++;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf("warm-up stopped early (%s); the gateway is ready anyway", e.getClass().getName());
        } finally {
            done = true;
        }
        LOG.infof("warm-up: %d requests compressed in %d ms; ready", requests, (System.nanoTime() - start) / 1_000_000);
    }
}
