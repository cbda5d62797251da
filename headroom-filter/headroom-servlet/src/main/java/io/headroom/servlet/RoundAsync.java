package io.headroom.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The asynchronous cycle of one retrieve round, run by the filter instead of the container. A downstream that goes
 * asynchronous (Spring MVC's {@code StreamingResponseBody}, {@code SseEmitter}, {@code DeferredResult}) could not be
 * run again for a follow-up if the container owned the cycle: the container may dispatch only after the filter
 * returned, and a request can start async only once per dispatch. So the round's request hands out this context:
 * the filter's thread waits (as for a synchronous downstream) until the downstream dispatches or completes, runs the
 * dispatch itself through the same chain (the request then reports {@code DispatcherType.ASYNC}), and fires the
 * listeners' events as the container would. The container's thread stays in the filter for the whole exchange.
 */
final class RoundAsync implements AsyncContext {
    /** The servlet containers' default async timeout (Jetty 12, Tomcat 10.1/11). */
    static final long DEFAULT_TIMEOUT_MS = 30_000;
    /** Runs {@link #start(Runnable)}: the container's async pool is not ours to use without its cycle. */
    private static final ExecutorService STARTED = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "headroom-async-downstream");
        thread.setDaemon(true);
        return thread;
    });

    /** What ended one wait of the filter's thread. */
    enum End {
        /** The downstream asked for a dispatch: the filter runs it. */
        DISPATCH,
        /** The downstream completed the answer. */
        COMPLETE
    }

    private final ServletRequest request;
    private final ServletResponse response;
    private final boolean originals;
    private final List<Registered> listeners = new ArrayList<>();
    private long timeoutMs = DEFAULT_TIMEOUT_MS;
    private End end;
    private String dispatchPath;

    private record Registered(AsyncListener listener, ServletRequest request, ServletResponse response) {
    }

    RoundAsync(ServletRequest request, ServletResponse response, boolean originals) {
        this.request = request;
        this.response = response;
        this.originals = originals;
    }

    /**
     * Blocks until the downstream dispatches or completes. On timeout the listeners get {@code onTimeout}; when none
     * of them dispatched or completed, the answer ends with status 500 as the container's error dispatch would.
     */
    End await() throws InterruptedException, IOException {
        synchronized (this) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (end == null && (timeoutMs <= 0 || System.nanoTime() < deadline)) {
                if (timeoutMs <= 0) {
                    wait();
                } else {
                    TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                }
            }
            if (end != null) {
                return end;
            }
        }
        fire(EventKind.TIMEOUT, null);
        synchronized (this) {
            if (end == null) {
                if (!response.isCommitted() && response instanceof jakarta.servlet.http.HttpServletResponse http) {
                    http.sendError(jakarta.servlet.http.HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                }
                end = End.COMPLETE;
            }
            return end;
        }
    }

    /** Null for a dispatch to the request's own target, else the path asked for. */
    synchronized String dispatchPath() {
        return dispatchPath;
    }

    ServletRequest dispatchRequest() {
        return request;
    }

    ServletResponse dispatchResponse() {
        return response;
    }

    /** The cycle ended (completed, or a dispatch that did not start a new one returned): {@code onComplete}. */
    void completed() {
        fire(EventKind.COMPLETE, null);
    }

    /** A dispatch failed: {@code onError}, as the container reports it. */
    void failed(Throwable cause) {
        fire(EventKind.ERROR, cause);
    }

    /** A new cycle started during this one's dispatch: the listeners hear {@code onStartAsync} and move over. */
    void handOver(RoundAsync next) {
        List<Registered> moved;
        synchronized (this) {
            moved = new ArrayList<>(listeners);
            listeners.clear();
        }
        for (Registered r : moved) {
            try {
                r.listener().onStartAsync(new AsyncEvent(next, r.request(), r.response()));
            } catch (IOException | RuntimeException e) {
                // a listener's failure is the application's, as in the container
            }
        }
    }

    private enum EventKind { TIMEOUT, ERROR, COMPLETE }

    private void fire(EventKind kind, Throwable cause) {
        List<Registered> current;
        synchronized (this) {
            current = new ArrayList<>(listeners);
        }
        for (Registered r : current) {
            AsyncEvent event = new AsyncEvent(this, r.request(), r.response(), cause);
            try {
                switch (kind) {
                    case TIMEOUT -> r.listener().onTimeout(event);
                    case ERROR -> r.listener().onError(event);
                    case COMPLETE -> r.listener().onComplete(event);
                }
            } catch (IOException | RuntimeException e) {
                // a listener's failure is the application's, as in the container
            }
        }
    }

    private synchronized void end(End how, String path) {
        if (end != null) {
            throw new IllegalStateException("the asynchronous cycle already ended (" + end + ")");
        }
        end = how;
        dispatchPath = path;
        notifyAll();
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        return response;
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return originals;
    }

    @Override
    public void dispatch() {
        end(End.DISPATCH, null);
    }

    @Override
    public void dispatch(String path) {
        end(End.DISPATCH, path);
    }

    @Override
    public void dispatch(jakarta.servlet.ServletContext context, String path) {
        end(End.DISPATCH, path);
    }

    @Override
    public void complete() {
        end(End.COMPLETE, null);
    }

    @Override
    public void start(Runnable run) {
        STARTED.execute(run);
    }

    @Override
    public synchronized void addListener(AsyncListener listener) {
        listeners.add(new Registered(listener, request, response));
    }

    @Override
    public synchronized void addListener(AsyncListener listener, ServletRequest servletRequest,
                                         ServletResponse servletResponse) {
        listeners.add(new Registered(listener, servletRequest, servletResponse));
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ServletException("cannot create " + type.getName(), e);
        }
    }

    @Override
    public synchronized void setTimeout(long timeout) {
        this.timeoutMs = timeout;
    }

    @Override
    public synchronized long getTimeout() {
        return timeoutMs;
    }
}
