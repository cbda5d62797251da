package io.headroom.servlet;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A request whose body comes from somewhere other than the container's stream. Keeps the servlet
 * contract: one stream per request, and either {@link #getInputStream()} or {@link #getReader()}.
 */
abstract class ReplacedBodyRequest extends HttpServletRequestWrapper {
    private ServletInputStream stream;
    private BufferedReader reader;

    ReplacedBodyRequest(HttpServletRequest request) {
        super(request);
    }

    /** Called once, by whichever of getInputStream / getReader the application uses. */
    protected abstract ServletInputStream openBody() throws IOException;

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called for this request");
        }
        if (stream == null) {
            stream = openBody();
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            Charset charset = charset(getCharacterEncoding());
            stream = openBody();
            reader = new BufferedReader(new InputStreamReader(stream, charset));
        }
        return reader;
    }

    private static Charset charset(String encoding) throws UnsupportedEncodingException {
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(encoding);
        }
    }
}
