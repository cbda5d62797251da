package io.headroom.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The request the downstream sees in one retrieve round. Two things make each round a request of its own, so the
 * same chain can run again with the follow-up:
 * <ul>
 *   <li>Asynchronous processing is the filter's ({@link RoundAsync}), not the container's: the container allows one
 *       cycle per dispatch and dispatches only after the filter returned.</li>
 *   <li>Attributes the downstream sets stay in the round: it reads those set before the filter (security context,
 *       ...), but what a framework keeps per request (Spring's {@code WebAsyncManager}, its handler mappings) starts
 *       fresh in the next round, as for a new request.</li>
 * </ul>
 */
final class RoundRequest extends HttpServletRequestWrapper {
    private static final Object REMOVED = new Object();

    private final HttpServletResponse response;
    /** Attributes set or removed in this round; guarded by itself (async threads read them too). */
    private final Map<String, Object> attributes = new HashMap<>();
    private RoundAsync async;
    private boolean asyncStarted;
    private boolean asyncDispatch;

    /** @param response the response the downstream writes this round's answer into */
    RoundRequest(HttpServletRequest request, HttpServletResponse response) {
        super(request);
        this.response = response;
    }

    /** The current asynchronous cycle, when the downstream started one and has not dispatched or completed it. */
    synchronized RoundAsync startedAsync() {
        return asyncStarted ? async : null;
    }

    /** The filter runs the cycle's dispatch now: the downstream sees an ASYNC dispatch, async no longer started. */
    synchronized void dispatching() {
        asyncStarted = false;
        asyncDispatch = true;
    }

    /** The cycle ended without dispatch (completed). */
    synchronized void asyncEnded() {
        asyncStarted = false;
    }

    @Override
    public AsyncContext startAsync() {
        return begin(this, response, true);
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        return begin(servletRequest, servletResponse, servletRequest == this && servletResponse == response);
    }

    private synchronized AsyncContext begin(ServletRequest req, ServletResponse res, boolean originals) {
        if (!isAsyncSupported()) {
            throw new IllegalStateException("asynchronous processing is not supported on this request's path");
        }
        if (asyncStarted) {
            throw new IllegalStateException("asynchronous processing already started");
        }
        RoundAsync previous = async;
        async = new RoundAsync(req, res, originals);
        asyncStarted = true;
        if (previous != null) {
            previous.handOver(async);
        }
        return async;
    }

    @Override
    public synchronized boolean isAsyncStarted() {
        return asyncStarted;
    }

    @Override
    public synchronized AsyncContext getAsyncContext() {
        if (async == null) {
            throw new IllegalStateException("asynchronous processing was not started on this request");
        }
        return async;
    }

    @Override
    public synchronized DispatcherType getDispatcherType() {
        return asyncDispatch ? DispatcherType.ASYNC : super.getDispatcherType();
    }

    // ---- attributes: this round's writes over the ones set before the filter

    @Override
    public Object getAttribute(String name) {
        synchronized (attributes) {
            Object local = attributes.get(name);
            if (local != null) {
                return local == REMOVED ? null : local;
            }
        }
        return super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
        synchronized (attributes) {
            attributes.forEach((name, value) -> {
                if (value == REMOVED) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
        }
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
            return;
        }
        synchronized (attributes) {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        synchronized (attributes) {
            attributes.put(name, REMOVED);
        }
    }
}
