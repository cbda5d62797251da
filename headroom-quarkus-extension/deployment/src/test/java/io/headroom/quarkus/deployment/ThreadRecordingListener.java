package io.headroom.quarkus.deployment;

import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Records which threads ran the pipeline (listeners run on the pipeline's thread, after it). */
@Singleton
public class ThreadRecordingListener implements CompressionListener {
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger compressed = new AtomicInteger();

    @Override
    public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        threads.add(Thread.currentThread().getName());
        if (outcome.compressed()) {
            compressed.incrementAndGet();
        }
    }
}
