package io.headroom.servlet;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A request carrying a body held in memory (usually the rewritten one). Its stream, reader,
 * content length and {@code Content-Length} header all describe that body; {@code Transfer-Encoding}
 * is hidden because the length is now known, and {@code Content-Encoding} when the body was decoded.
 */
final class CachedBodyRequest extends ReplacedBodyRequest {
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String TRANSFER_ENCODING = "Transfer-Encoding";

    private static final String CONTENT_ENCODING = "Content-Encoding";

    private final byte[] body;
    private final boolean decoded;

    /** @param decoded true when {@code body} is the decoded form of an encoded request: Content-Encoding is hidden */
    CachedBodyRequest(HttpServletRequest request, byte[] body, boolean decoded) {
        super(request);
        this.body = body;
        this.decoded = decoded;
    }

    private boolean hidden(String name) {
        return TRANSFER_ENCODING.equalsIgnoreCase(name) || decoded && CONTENT_ENCODING.equalsIgnoreCase(name);
    }

    @Override
    protected ServletInputStream openBody() {
        return new CachedBodyInputStream(body);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getHeader(String name) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return Integer.toString(body.length);
        }
        if (hidden(name)) {
            return null;
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return Collections.enumeration(List.of(Integer.toString(body.length)));
        }
        if (hidden(name)) {
            return Collections.emptyEnumeration();
        }
        return super.getHeaders(name);
    }

    @Override
    public int getIntHeader(String name) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return body.length;
        }
        if (hidden(name)) {
            return -1;
        }
        return super.getIntHeader(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        Enumeration<String> original = super.getHeaderNames();
        while (original != null && original.hasMoreElements()) {
            String name = original.nextElement();
            if (!CONTENT_LENGTH.equalsIgnoreCase(name) && !hidden(name)) {
                names.add(name);
            }
        }
        names.add(CONTENT_LENGTH);
        return Collections.enumeration(names);
    }
}
