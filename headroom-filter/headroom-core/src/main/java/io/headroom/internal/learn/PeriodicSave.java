package io.headroom.internal.learn;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Saves the learned state every interval while it changes, on one daemon thread, and once more at close (so
 * a clean shutdown loses nothing; an unclean one at most the last interval).
 */
public final class PeriodicSave implements AutoCloseable {
    private final Toin toin;
    private final ScheduledExecutorService timer;

    public PeriodicSave(Toin toin, long intervalSeconds) {
        this.toin = toin;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "headroom-learning-save");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(toin::saveIfChanged, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        toin.saveIfChanged();
    }
}
