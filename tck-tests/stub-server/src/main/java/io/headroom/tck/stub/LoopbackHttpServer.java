package io.headroom.tck.stub;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * An HTTP server on a free loopback port that hands every request, whatever its path, to one handler: what a
 * stub upstream runs on. Each exchange gets its own daemon thread, so a stub that holds a stream open blocks
 * nothing else and never keeps the JVM alive.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;

    private LoopbackHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code handler} on loopback; its threads are named {@code threadName}. */
    public static LoopbackHttpServer start(String threadName, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", handler);
        server.start();
        return new LoopbackHttpServer(server);
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
