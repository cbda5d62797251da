package io.headroom.ccr.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (the Debian package; {@code .ci/run} installs it) on a free loopback port, in its own
 * temporary directory, without persistence ({@link #started()}) or with an append-only file synced on every write
 * ({@link #startedDurable()}: what a fleet runs when originals must survive a Redis crash). {@link #stop()} kills it;
 * {@link #start()} starts it again on the same port, as a Redis that restarts after a crash. Shared with other
 * modules' tests through this module's test-jar.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final String BINARY = System.getProperty("headroom.redis-server", "/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private final boolean durable;
    private Process process;

    private RedisServerProcess(Path dir, int port, boolean durable) {
        this.dir = dir;
        this.port = port;
        this.durable = durable;
    }

    public static RedisServerProcess started() throws IOException, InterruptedException {
        return started(false);
    }

    /** With {@code appendfsync always}: every write Redis acknowledged is on disk, so a SIGKILL loses none. */
    public static RedisServerProcess startedDurable() throws IOException, InterruptedException {
        return started(true);
    }

    private static RedisServerProcess started(boolean durable) throws IOException, InterruptedException {
        RedisServerProcess redis = new RedisServerProcess(Files.createTempDirectory("headroom-redis"), freePort(), durable);
        // a child process outlives its JVM: a test that never reaches stop() must not leave a server behind
        Runtime.getRuntime().addShutdownHook(new Thread(redis::kill, "redis-server-stop"));
        redis.start();
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) return;
        process = new ProcessBuilder(BINARY, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", durable ? "yes" : "no",
                "--appendfsync", "always", "--daemonize", "no")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            if (System.nanoTime() > deadline) throw new IOException("redis-server did not answer PING on port " + port);
            Thread.sleep(20);
        }
    }

    /** Kills the server (SIGKILL): clients see their connection drop. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) return;
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        process = null;
    }

    private synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private boolean answersPing() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(1_000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.readNBytes(buf, 0, 7);
            return n == 7 && new String(buf, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
