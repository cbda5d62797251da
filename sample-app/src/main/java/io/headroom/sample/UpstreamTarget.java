package io.headroom.sample;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One upstream LLM API, parsed once from its base URL. The base may carry a path
 * ({@code https://gw.example.com/openai}) and may already end in {@code /v1}
 * ({@code https://api.openai.com/v1}, the form OpenAI SDKs use): the client's {@code /v1/...}
 * path is appended without doubling the {@code /v1}.
 */
public final class UpstreamTarget {
    private final String name;
    private final boolean ssl;
    private final String host;
    private final int port;
    private final String basePath;

    private UpstreamTarget(String name, boolean ssl, String host, int port, String basePath) {
        this.name = name;
        this.ssl = ssl;
        this.host = host;
        this.port = port;
        this.basePath = basePath;
    }

    /**
     * @param name    label for logs and errors, e.g. "openai"
     * @param baseUrl http(s) URL; user info, query and fragment are rejected so no secret can hide there
     * @throws IllegalArgumentException naming the option when the URL is unusable
     */
    public static UpstreamTarget parse(String name, String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " target URL is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(name + " target URL must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(name + " target URL has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " target URL must not contain user info, a query or a fragment");
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // IPv6 literal: the client wants it bare
        }
        return new UpstreamTarget(name, ssl, host, port, path);
    }

    public String name() { return name; }
    public boolean ssl() { return ssl; }
    public String host() { return host; }
    public int port() { return port; }

    /**
     * The path (and query) to request upstream for a client's path and query. A base path ending in
     * {@code /v1} stands for the API root (as the original proxy reads it): the client's {@code /v1/...}
     * does not double it, and a passed-through path outside {@code /v1} ({@code /health}) is not put under it.
     */
    public String upstreamUri(String clientPathAndQuery) {
        String p = clientPathAndQuery.startsWith("/") ? clientPathAndQuery : "/" + clientPathAndQuery;
        String root = basePath.endsWith("/v1") ? basePath.substring(0, basePath.length() - 3) : basePath;
        String joined = root + p;
        return joined.isEmpty() ? "/" : joined;
    }

    /** The base URL as shown in logs and the startup banner (never carries secrets, see parse). */
    public String display() {
        boolean defaultPort = (ssl && port == 443) || (!ssl && port == 80);
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (ssl ? "https://" : "http://") + h + (defaultPort ? "" : ":" + port) + basePath;
    }

    @Override
    public String toString() {
        return name + " " + display();
    }
}
