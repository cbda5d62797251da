package io.headroom.quarkus.deployment;

import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** An application CompressionListener bean; the extension must hand it to Headroom. */
@Singleton
public class CountingListener implements CompressionListener {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger compressed = new AtomicInteger();

    @Override
    public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        requests.incrementAndGet();
        if (outcome.compressed()) {
            compressed.incrementAndGet();
        }
    }
}
