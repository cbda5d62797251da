package io.headroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop HTTP/1.1 load: {@code connections} threads each send one request, wait for the
 * whole answer, and send the next, over keep-alive connections. A run ends at its duration or its
 * request budget, whichever comes first, so it is bounded both ways.
 */
final class LoadDriver {

    /** Outcome of one measured run; latencies in nanoseconds, sorted. */
    /** @param firstError what the first failed call got (status code or exception class), null when none failed */
    record Result(int connections, long okCount, long errors, long compressedCount, long elapsedNanos, long[] latencies,
                  String firstError) {
        double throughput() {
            return okCount * 1e9 / elapsedNanos;
        }

        /** Nearest-rank percentile in microseconds, NaN when nothing succeeded. */
        double percentileMicros(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1000.0;
        }
    }

    private final HttpClient client;

    LoadDriver() {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Warms up for {@code warmup} (results dropped), then measures. */
    Result run(URI uri, byte[] body, int connections, Duration warmup, Duration duration, int maxRequests)
            throws InterruptedException {
        if (!warmup.isZero()) {
            drive(uri, body, connections, warmup, maxRequests);
        }
        return drive(uri, body, connections, duration, maxRequests);
    }

    private Result drive(URI uri, byte[] body, int connections, Duration duration, int maxRequests)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-bench-not-a-real-key")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        AtomicInteger tickets = new AtomicInteger(maxRequests);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(request, tickets, deadline, maxRequests / connections + 1);
            workers.add(w);
            w.thread.start();
        }
        for (Worker w : workers) {
            w.thread.join();
        }
        long elapsed = System.nanoTime() - start;
        long ok = 0, errors = 0, compressed = 0;
        String firstError = null;
        for (Worker w : workers) {
            ok += w.count;
            errors += w.errors;
            compressed += w.compressed;
            if (firstError == null) firstError = w.firstError;
        }
        long[] all = new long[(int) ok];
        int k = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, k, w.count);
            k += w.count;
        }
        Arrays.sort(all);
        return new Result(connections, ok, errors, compressed, elapsed, all, firstError);
    }

    /** One connection's loop; its own arrays, so nothing is shared while measuring. */
    private final class Worker {
        final Thread thread;
        final long[] latencies;
        int count;
        long errors;
        long compressed;
        String firstError;

        Worker(HttpRequest request, AtomicInteger tickets, long deadline, int capacity) {
            this.latencies = new long[capacity];
            this.thread = new Thread(() -> loop(request, tickets, deadline), "load");
        }

        private void failed(String what) {
            if (errors++ == 0) firstError = what;
        }

        private void loop(HttpRequest request, AtomicInteger tickets, long deadline) {
            while (System.nanoTime() < deadline && count < latencies.length && tickets.getAndDecrement() > 0) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() == 200) {
                        latencies[count++] = t;
                        if (r.headers().firstValue("x-headroom-compressed").map("true"::equals).orElse(false)) {
                            compressed++;
                        }
                    } else {
                        failed("HTTP " + r.statusCode());
                    }
                } catch (IOException e) {
                    failed(e.getClass().getName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
