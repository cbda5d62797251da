package io.headroom.soak;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether the gateway is up, and a generation number that grows with every stop (planned kill or
 * crash). A request that started in one generation and failed in a later one was cut by that stop,
 * not refused by a running gateway. Clients wait here while the gateway restarts.
 */
final class GatewayState {
    private boolean up;
    private long generation;
    private final Set<Long> plannedStops = new HashSet<>();

    synchronized void markUp() {
        up = true;
        notifyAll();
    }

    /** The gateway is going down (planned: the soak's own SIGKILL) or has gone down (a crash). */
    synchronized void markDown(boolean planned) {
        if (up) {
            up = false;
            generation++;
            if (planned) {
                plannedStops.add(generation);
            }
        }
    }

    synchronized boolean isUp() {
        return up;
    }

    /** True when the planned stop that ended {@code startedIn} happened after a request started in it. */
    synchronized boolean wasCutByPlannedStop(long startedIn) {
        return generation > startedIn && plannedStops.contains(startedIn + 1);
    }

    /** True when any stop happened after a request started in {@code startedIn}. */
    synchronized boolean wasCutByAnyStop(long startedIn) {
        return generation > startedIn || !up;
    }

    /** Waits at most {@code millis} for the gateway to be up; false when it is still down. */
    synchronized boolean awaitUp(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; !up && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return up;
    }

    /** Waits until the gateway is up; returns the generation the caller then runs in. */
    synchronized long awaitUp() throws InterruptedException {
        while (!up) {
            wait();
        }
        return generation;
    }
}
